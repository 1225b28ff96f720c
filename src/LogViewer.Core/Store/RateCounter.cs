using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// The writer side of <see cref="LogRates"/>: a ring of per-second counts by level, and one by replica code, keyed
/// by each line's own timestamp (log time), over the <see cref="LogRates.WindowSeconds"/> ending at the newest line.
/// </summary>
internal sealed class RateCounter
{
    private readonly int[] _ring = new int[LogRates.WindowSeconds * LogCounts.LevelSlots];

    // [replica code][second slot]; grown as codes appear (codes are small and dense: the store's intern table).
    private readonly List<int[]> _byReplica = [];
    private long _newestSecond = long.MinValue;

    public void Add(long timestampNanos, LogLevel level, int replica)
    {
        var second = Math.DivRem(timestampNanos, 1_000_000_000L, out var remainder);
        second -= remainder < 0 ? 1 : 0;
        if (second > _newestSecond)
        {
            Advance(second);
        }
        else if (_newestSecond - second >= LogRates.WindowSeconds)
        {
            // Older than the window: a late or back-filled line that no longer changes a recent rate.
            return;
        }

        _ring[(Slot(second) * LogCounts.LevelSlots) + (int)level]++;
        while (_byReplica.Count <= replica)
        {
            _byReplica.Add(new int[LogRates.WindowSeconds]);
        }

        _byReplica[replica][Slot(second)]++;
    }

    public LogRates Publish(string?[] replicaNames)
    {
        if (_newestSecond == long.MinValue)
        {
            return LogRates.Empty;
        }

        var counts = new int[_ring.Length];
        var byReplica = new int[_byReplica.Count][];
        for (var code = 0; code < byReplica.Length; code++)
        {
            byReplica[code] = new int[LogRates.WindowSeconds];
        }

        for (var back = 0; back < LogRates.WindowSeconds; back++)
        {
            var slot = Slot(_newestSecond - back);
            _ring.AsSpan(slot * LogCounts.LevelSlots, LogCounts.LevelSlots).CopyTo(counts.AsSpan(back * LogCounts.LevelSlots));
            for (var code = 0; code < byReplica.Length; code++)
            {
                byReplica[code][back] = _byReplica[code][slot];
            }
        }

        return new LogRates(_newestSecond, counts, byReplica, replicaNames);
    }

    // The window moves on to end at `second`: the seconds it leaves behind are cleared for reuse.
    private void Advance(long second)
    {
        if (_newestSecond == long.MinValue || second - _newestSecond >= LogRates.WindowSeconds)
        {
            Array.Clear(_ring);
            foreach (var ring in _byReplica)
            {
                Array.Clear(ring);
            }
        }
        else
        {
            for (var s = _newestSecond + 1; s <= second; s++)
            {
                var slot = Slot(s);
                _ring.AsSpan(slot * LogCounts.LevelSlots, LogCounts.LevelSlots).Clear();
                foreach (var ring in _byReplica)
                {
                    ring[slot] = 0;
                }
            }
        }

        _newestSecond = second;
    }

    private static int Slot(long second) => (int)(((second % LogRates.WindowSeconds) + LogRates.WindowSeconds) % LogRates.WindowSeconds);
}
