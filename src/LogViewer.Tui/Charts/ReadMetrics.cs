using LogViewer.Tui.State;

namespace LogViewer.Tui.Charts;

/// <summary>Read the chart of <paramref name="Key"/> (or only the key list, when null) from the metric index; answered with <see cref="MetricsRead"/>.</summary>
internal sealed record ReadMetrics(string? Key) : ViewerEffect;
