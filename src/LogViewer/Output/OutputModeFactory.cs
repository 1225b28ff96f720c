using LogViewer.Arguments;
using LogViewer.Cli;

namespace LogViewer.Output;

/// <summary>
/// Chooses the output mode for <c>--output</c>. <paramref name="tui"/> is the TUI's <see cref="IOutputMode"/>.
/// Text is coloured only when stdout is a terminal and <paramref name="noColor"/> (NO_COLOR set) is false.
/// </summary>
internal sealed class OutputModeFactory(CliConsole console, TimeZoneInfo zone, bool noColor, IOutputMode tui)
{
    private bool Colour => console.OutputIsTerminal && !noColor;

    public IOutputMode Create(OutputKind kind)
    {
        switch (kind)
        {
            case OutputKind.Jsonl:
                return new StreamOutputMode(console, zone, OutputKind.Jsonl, colour: false);
            case OutputKind.Tui:
                return tui;
            default:
                return new StreamOutputMode(console, zone, OutputKind.Text, Colour);
        }
    }
}
