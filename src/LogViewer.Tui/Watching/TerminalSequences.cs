using System.Text;
using LogViewer.Core.Text;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Watching;

/// <summary>
/// The escape sequences of watching: xterm's title stack (<c>CSI 22;0 t</c> saves the title, <c>CSI 23;0 t</c>
/// restores it), the title itself (OSC 2), the bell, and desktop notifications (OSC 9, OSC 777), wrapped for tmux
/// when inside it. Text from the API goes through <see cref="Clean"/>: a control character in a job's error message
/// must not end the sequence and write to the terminal.
/// </summary>
internal static class TerminalSequences
{
    public const string SaveTitle = "\u001b[22;0t";

    public const string RestoreTitle = "\u001b[23;0t";

    public const string Bell = "\u0007";

    public static string Title(string text) => $"\u001b]2;{Clean(text)}\u0007";

    /// <summary>The bell, then OSC 9 (and OSC 777 where wanted), each OSC wrapped for tmux when inside it.</summary>
    public static string Notification(string title, string body, TerminalStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var text = new StringBuilder(Bell);
        text.Append(Wrap($"\u001b]9;{Clean(title)}: {Clean(body)}\u0007", style));
        if (style.WantsOsc777)
        {
            text.Append(Wrap($"\u001b]777;notify;{Clean(title).Replace(';', ',')};{Clean(body)}\u0007", style));
        }

        return text.ToString();
    }

    /// <summary>tmux passes a sequence on to the outer terminal inside DCS tmux; ... ST, with every ESC doubled.</summary>
    private static string Wrap(string sequence, TerminalStyle style) =>
        style.InsideTmux ? "\u001bPtmux;" + sequence.Replace("\u001b", "\u001b\u001b", StringComparison.Ordinal) + "\u001b\\" : sequence;

    private static string Clean(string text) => TerminalText.Sanitize(text).Trim();
}
