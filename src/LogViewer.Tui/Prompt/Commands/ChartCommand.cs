using LogViewer.Tui.Charts;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// <c>:chart KEY</c>: charts the numbers the lines carry under KEY (<c>loss</c>, <c>lr</c>, <c>it/s</c>), one series per
/// replica; <c>:chart</c> alone lists the keys found so far, <c>:chart off</c> closes the chart. Whether a key exists is
/// known only to the metric index, so an unknown key is answered by the chart (which says which keys exist).
/// </summary>
internal sealed class ChartCommand : IPromptCommand
{
    public const string Off = "off";

    public string Name => "chart";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "chart [KEY|off]";

    public string Help => "chart a number the lines carry (loss, lr, it/s) per replica; alone: list the keys";

    public PromptArgument Argument => PromptArgument.Text;

    public IEnumerable<string> Candidates(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.MetricKeys;
    }

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length == 0)
        {
            return ParsedCommand.Run(new ListChartKeys());
        }

        if (arguments.Contains(' ', StringComparison.Ordinal))
        {
            return ParsedCommand.Fail($"chart takes one key, e.g. chart loss (keys have no spaces; :chart lists them)");
        }

        return ParsedCommand.Run(string.Equals(arguments, Off, StringComparison.OrdinalIgnoreCase) ? new CloseChart() : new OpenChart(arguments));
    }
}
