using System.Collections.Immutable;

namespace LogViewer.Core.Metrics;

/// <summary>
/// What a chart of one key draws, as an immutable value taken from <see cref="MetricIndex.Read"/>: one series per
/// replica (in the order they were first seen) and whether its x is the lines' <c>step</c> (when nearly every line of
/// the key carries one) or their time. <see cref="Version"/> changes whenever any of it does.
/// </summary>
/// <param name="Key">The key charted.</param>
/// <param name="BySteps">The x axis is <c>step</c>: points without one are not drawn.</param>
/// <param name="Lines">Lines read for the key, over all replicas.</param>
/// <param name="Series">One per replica.</param>
/// <param name="Version">Changes with any point of the key.</param>
public sealed record MetricChart(string Key, bool BySteps, long Lines, ImmutableArray<MetricSeriesSnapshot> Series, long Version);
