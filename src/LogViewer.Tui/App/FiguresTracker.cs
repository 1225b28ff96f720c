using System.Collections.Immutable;
using LogViewer.Core.Filtering;
using LogViewer.Core.Store;
using LogViewer.Tui.State;

namespace LogViewer.Tui.App;

/// <summary>
/// Turns store snapshots into the figures the status bar and sidebar show: counts from the store, and rates in
/// log time (lines per second over the last minute of the logs, by each line's own timestamp), so a replay or a
/// catch-up shows the rate the job logged at, not how fast the viewer read.
/// </summary>
internal static class FiguresTracker
{
    /// <summary>
    /// The figures of <paramref name="view"/>. <paramref name="windowEndNanos"/> is where the minute ends: now for a
    /// live tail (a target that went quiet falls to 0/s), <c>null</c> for a replay or a closed range (the minute
    /// before the newest line).
    /// </summary>
    public static LogFigures Measure(FilteredSnapshot view, long? windowEndNanos)
    {
        ArgumentNullException.ThrowIfNull(view);
        var store = view.Store;
        var rates = store.Rates;
        var total = rates.PerSecond(LogRates.WindowSeconds, nowEpochNanos: windowEndNanos);
        var replicas = ImmutableArray.CreateBuilder<ReplicaFigures>();
        foreach (var (replica, lines) in store.Counts.ByReplica)
        {
            if (replica is not null)
            {
                replicas.Add(new ReplicaFigures(replica, lines, rates.ReplicaPerSecond(replica, LogRates.WindowSeconds, windowEndNanos)));
            }
        }

        return new LogFigures(store.Count + store.EvictedCount, store.EvictedCount, store.Count, view.Count, total, replicas.ToImmutable());
    }
}
