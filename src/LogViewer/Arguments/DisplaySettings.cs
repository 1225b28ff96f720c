using LogViewer.Core.Rules;
using LogViewer.Tui.State;

namespace LogViewer.Arguments;

/// <summary>How lines are shown.</summary>
/// <param name="Utc">Times in UTC (<c>Z</c>) rather than local time with its offset.</param>
/// <param name="MaxLines">text/jsonl: stop after this many lines; tui: keep at most this many.</param>
/// <param name="Mouse">tui: read the mouse (wheel, clicks); false with <c>--no-mouse</c>.</param>
/// <param name="ExitOn">text/jsonl: the line that ends the run (exit code 5) once printed; <c>--exit-on</c>.</param>
/// <param name="Fresh">tui: start clean, without the target's saved session.</param>
internal sealed record DisplaySettings(bool Utc, int? MaxLines, bool Mouse = true, RulePattern? ExitOn = null, bool Fresh = false)
{
    /// <summary>tui: set the terminal title (false with <c>--no-title</c>).</summary>
    public bool Title { get; init; } = true;

    /// <summary>tui: which lifecycle changes notify (<c>--notify</c>).</summary>
    public NotifyMode Notify { get; init; } = NotifyMode.End;

    /// <summary>tui: alert rules to start with (<c>--alert</c>, repeatable).</summary>
    public IReadOnlyList<RulePattern> Alerts { get; init; } = [];
}
