using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>The writer side of <see cref="LogRates"/>: a ring of per-second, per-level counts.</summary>
internal sealed class RateCounter
{
    private readonly int[] _ring = new int[LogRates.WindowSeconds * LogCounts.LevelSlots];
    private long _newestSecond = long.MinValue;

    public void Add(long timestampNanos, LogLevel level)
    {
        var second = Math.DivRem(timestampNanos, 1_000_000_000L, out var remainder);
        second -= remainder < 0 ? 1 : 0;
        if (second > _newestSecond)
        {
            if (_newestSecond == long.MinValue || second - _newestSecond >= LogRates.WindowSeconds)
            {
                Array.Clear(_ring);
            }
            else
            {
                for (var s = _newestSecond + 1; s <= second; s++)
                {
                    _ring.AsSpan(Slot(s), LogCounts.LevelSlots).Clear();
                }
            }

            _newestSecond = second;
        }
        else if (_newestSecond - second >= LogRates.WindowSeconds)
        {
            // Older than the window: a late line that no longer changes a recent rate.
            return;
        }

        _ring[Slot(second) + (int)level]++;
    }

    public LogRates Publish()
    {
        if (_newestSecond == long.MinValue)
        {
            return LogRates.Empty;
        }

        var counts = new int[_ring.Length];
        for (var back = 0; back < LogRates.WindowSeconds; back++)
        {
            _ring.AsSpan(Slot(_newestSecond - back), LogCounts.LevelSlots)
                .CopyTo(counts.AsSpan(back * LogCounts.LevelSlots));
        }

        return new LogRates(_newestSecond, counts);
    }

    private static int Slot(long second) => (int)(((second % LogRates.WindowSeconds) + LogRates.WindowSeconds) % LogRates.WindowSeconds) * LogCounts.LevelSlots;
}
