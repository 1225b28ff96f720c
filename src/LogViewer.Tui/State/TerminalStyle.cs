namespace LogViewer.Tui.State;

/// <summary>
/// How desktop notifications reach the terminal: inside tmux an OSC is wrapped in tmux's passthrough (it arrives only
/// with <c>set -g allow-passthrough on</c>; the bell always arrives and flags the window); OSC 777 is added for the
/// terminals known to want it (VTE ones, foot), which ignore OSC 9.
/// </summary>
/// <param name="InsideTmux">The TMUX variable is set.</param>
/// <param name="WantsOsc777">VTE_VERSION is set or TERM is foot.</param>
public sealed record TerminalStyle(bool InsideTmux, bool WantsOsc777)
{
    public static TerminalStyle Plain { get; } = new(false, false);

    /// <summary>The style the environment describes (TMUX, VTE_VERSION, TERM).</summary>
    public static TerminalStyle From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var term = variable("TERM") ?? string.Empty;
        return new TerminalStyle(
            !string.IsNullOrEmpty(variable("TMUX")),
            !string.IsNullOrEmpty(variable("VTE_VERSION")) || term.StartsWith("foot", StringComparison.Ordinal));
    }
}
