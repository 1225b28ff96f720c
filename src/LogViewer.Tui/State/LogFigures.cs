using System.Collections.Immutable;

namespace LogViewer.Tui.State;

/// <summary>The log's counters at one moment, for the status bar and the sidebar.</summary>
internal sealed record LogFigures(
    long TotalIngested,
    long Evicted,
    int Held,
    int Shown,
    double RatePerSecond,
    ImmutableArray<ReplicaFigures> Replicas)
{
    public static LogFigures Empty { get; } = new(0, 0, 0, 0, 0, []);
}
