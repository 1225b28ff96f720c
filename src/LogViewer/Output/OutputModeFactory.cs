using LogViewer.Arguments;

namespace LogViewer.Output;

/// <summary>
/// Chooses the output mode for <c>--output</c>. <paramref name="tui"/> is the TUI's <see cref="IOutputMode"/>;
/// while none is given (the TUI is not wired in yet), <c>tui</c> falls back to text with a one-line note on stderr.
/// Text is coloured only when stdout is a terminal and <paramref name="noColor"/> (NO_COLOR set) is false.
/// </summary>
internal sealed class OutputModeFactory(CliConsole console, TimeZoneInfo zone, bool noColor, IOutputMode? tui = null)
{
    private bool Colour => console.OutputIsTerminal && !noColor;

    public IOutputMode Create(OutputKind kind)
    {
        switch (kind)
        {
            case OutputKind.Jsonl:
                return new StreamOutputMode(console, zone, OutputKind.Jsonl, colour: false);
            case OutputKind.Tui when tui is not null:
                return tui;
            case OutputKind.Tui:
                console.Error.WriteLine("logviewer: the terminal UI is not part of this build yet; writing text instead (use --output text to skip this note).");
                return new StreamOutputMode(console, zone, OutputKind.Text, Colour);
            default:
                return new StreamOutputMode(console, zone, OutputKind.Text, Colour);
        }
    }
}
