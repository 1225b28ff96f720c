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
            case OutputKind.Tui:
                return tui;
            default:
                return CreateStream(kind);
        }
    }

    /// <summary>The writer of text or jsonl lines (text for any other kind).</summary>
    public StreamOutputMode CreateStream(OutputKind kind) =>
        kind == OutputKind.Jsonl ? new StreamOutputMode(console, zone, OutputKind.Jsonl, colour: false) : new StreamOutputMode(console, zone, OutputKind.Text, Colour);
}
