using System.Collections.Immutable;

namespace LogViewer.Core.Metrics;

/// <summary>One replica's series of a <see cref="MetricChart"/>: its points in time order and its lowest, highest and newest value.</summary>
/// <param name="Replica">The replica, or <c>null</c> for lines without one.</param>
/// <param name="Points">In time order.</param>
/// <param name="Min">The lowest value of the series.</param>
/// <param name="Max">The highest value of the series.</param>
/// <param name="Last">The value of its newest line.</param>
/// <param name="Lines">Lines read into the series (more than the points once they were merged).</param>
public sealed record MetricSeriesSnapshot(string? Replica, ImmutableArray<MetricPoint> Points, double Min, double Max, double Last, long Lines);
