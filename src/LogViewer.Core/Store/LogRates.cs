using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// Lines per second by level over the last <see cref="WindowSeconds"/> seconds of log time, counted by each
/// entry's own timestamp (so a replayed file and a live tail give the same picture). An immutable value.
/// </summary>
public sealed class LogRates
{
    public const int WindowSeconds = 60;

    // [second slot][level], slot 0 = the newest second.
    private readonly int[] _counts;

    internal LogRates(long newestSecond, int[] counts)
    {
        NewestSecond = newestSecond;
        _counts = counts;
    }

    public static LogRates Empty { get; } = new(long.MinValue, new int[WindowSeconds * LogCounts.LevelSlots]);

    /// <summary>The newest entry's second (epoch seconds); <see cref="long.MinValue"/> before any entry.</summary>
    public long NewestSecond { get; }

    /// <summary>Lines of <paramref name="level"/> (all levels when <c>null</c>) in the second <paramref name="secondsAgo"/> before the newest.</summary>
    public int InSecond(int secondsAgo, LogLevel? level = null)
    {
        if (secondsAgo is < 0 or >= WindowSeconds)
        {
            return 0;
        }

        var row = _counts.AsSpan(secondsAgo * LogCounts.LevelSlots, LogCounts.LevelSlots);
        if (level is { } one)
        {
            return row[(int)one];
        }

        var sum = 0;
        foreach (var value in row)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>
    /// Average lines per second of <paramref name="level"/> (all when <c>null</c>) over the last
    /// <paramref name="seconds"/> seconds ending at <paramref name="nowEpochNanos"/>, or at the newest entry when
    /// that is <c>null</c>. Seconds after the newest entry count as silent.
    /// </summary>
    public double PerSecond(int seconds, LogLevel? level = null, long? nowEpochNanos = null)
    {
        seconds = Math.Clamp(seconds, 1, WindowSeconds);
        if (NewestSecond == long.MinValue)
        {
            return 0;
        }

        var now = nowEpochNanos is { } nanos ? Math.DivRem(nanos, 1_000_000_000L).Quotient : NewestSecond;
        var offset = now - NewestSecond;
        var total = 0L;
        for (var back = 0; back < seconds; back++)
        {
            var slot = back - offset;
            if (slot >= 0 && slot < WindowSeconds)
            {
                total += InSecond((int)slot, level);
            }
        }

        return total / (double)seconds;
    }
}

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
