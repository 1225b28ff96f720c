using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// Lines per second by level and by replica over the last <see cref="WindowSeconds"/> seconds of log time, counted
/// by each entry's own timestamp (so a replayed file, a catch-up and a live tail give the rate the logs were written
/// at, not the rate they were read at). An immutable value.
/// </summary>
public sealed class LogRates
{
    public const int WindowSeconds = 60;

    // [second slot][level], slot 0 = the newest second.
    private readonly int[] _counts;

    // [replica code][second slot, 0 = the newest second], with the names the codes stand for.
    private readonly int[][] _byReplica;
    private readonly string?[] _replicaNames;

    internal LogRates(long newestSecond, int[] counts, int[][] byReplica, string?[] replicaNames)
    {
        NewestSecond = newestSecond;
        _counts = counts;
        _byReplica = byReplica;
        _replicaNames = replicaNames;
    }

    public static LogRates Empty { get; } = new(long.MinValue, new int[WindowSeconds * LogCounts.LevelSlots], [], []);

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
    public double PerSecond(int seconds, LogLevel? level = null, long? nowEpochNanos = null) =>
        Average(seconds, nowEpochNanos, back => InSecond(back, level));

    /// <summary>
    /// As <see cref="PerSecond"/>, for the lines of one replica (<c>null</c>: lines without a replica); 0 for a
    /// replica with no line in the window.
    /// </summary>
    public double ReplicaPerSecond(string? replica, int seconds, long? nowEpochNanos = null)
    {
        var code = Array.FindIndex(_replicaNames, name => string.Equals(name, replica, StringComparison.Ordinal));
        if (code < 0 || code >= _byReplica.Length)
        {
            return 0;
        }

        var ring = _byReplica[code];
        return Average(seconds, nowEpochNanos, back => ring[back]);
    }

    private double Average(int seconds, long? nowEpochNanos, Func<int, int> inSecond)
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
                total += inSecond((int)slot);
            }
        }

        return total / (double)seconds;
    }
}
