using System.Collections.Immutable;
using LogViewer.Core.Filtering;
using LogViewer.Tui.State;

namespace LogViewer.Tui.App;

/// <summary>
/// Turns store snapshots into the figures the status bar and sidebar show. The store counts lines per replica;
/// the rate per replica is how fast those counts grew over the last seconds (arrival time, UI thread only).
/// </summary>
internal sealed class FiguresTracker
{
    private const string AllReplicas = "\u0000all";
    private readonly Dictionary<string, ReplicaCounter> _rates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastCounts = new(StringComparer.Ordinal);

    public LogFigures Measure(FilteredSnapshot view, long unixSecond)
    {
        ArgumentNullException.ThrowIfNull(view);
        var store = view.Store;
        var total = RateOf(AllReplicas, store.Count + store.EvictedCount, unixSecond);
        var replicas = ImmutableArray.CreateBuilder<ReplicaFigures>();
        foreach (var (replica, lines) in store.Counts.ByReplica)
        {
            if (replica is not null)
            {
                replicas.Add(new ReplicaFigures(replica, lines, RateOf(replica, lines, unixSecond)));
            }
        }

        return new LogFigures(store.Count + store.EvictedCount, store.EvictedCount, store.Count, view.Count, total, replicas.ToImmutable());
    }

    private double RateOf(string key, long count, long unixSecond)
    {
        if (!_rates.TryGetValue(key, out var counter))
        {
            counter = new ReplicaCounter();
            _rates.Add(key, counter);
        }

        var grown = count - _lastCounts.GetValueOrDefault(key);
        _lastCounts[key] = count;
        if (grown > 0)
        {
            counter.Add(grown, unixSecond);
        }

        return counter.RatePerSecond(unixSecond);
    }
}
