using LogViewer.Core.Metrics;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Charts;

/// <summary><c>:chart KEY</c>: opens the chart of the key (or switches the open chart to it).</summary>
internal sealed record OpenChart(string Key) : ViewerAction;

/// <summary><c>:chart</c> alone: lists the keys found so far, with their line counts.</summary>
internal sealed record ListChartKeys : ViewerAction;

/// <summary><c>:chart off</c>, Esc or q in the chart.</summary>
internal sealed record CloseChart : ViewerAction;

/// <summary><c>#</c>: charts the first number of the selected entry (or of the detail pane's); again, the entry's next one.</summary>
internal sealed record ChartEntryNumber : ViewerAction;

/// <summary>
/// The answer to <see cref="ReadMetrics"/>: the chart of the key asked for (<c>null</c> when no line carries it; the
/// key may differ in case from the one typed) and every key found so far.
/// </summary>
internal sealed record MetricsRead(string? Asked, MetricChart? Chart, IReadOnlyList<MetricKeyCount> Keys) : ViewerAction;
