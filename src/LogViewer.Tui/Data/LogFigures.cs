using System.Collections.Immutable;

namespace LogViewer.Tui.Data;

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

    /// <summary>Equal counts and rates: nothing on screen would change.</summary>
    public bool SameAs(LogFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TotalIngested == other.TotalIngested && Evicted == other.Evicted && Held == other.Held
            && Shown == other.Shown && Math.Abs(RatePerSecond - other.RatePerSecond) < 0.05
            && Replicas.SequenceEqual(other.Replicas);
    }
}

/// <summary>One sidebar row: lines held and recent lines per second of one replica.</summary>
internal sealed record ReplicaFigures(string Replica, long Lines, double RatePerSecond);
