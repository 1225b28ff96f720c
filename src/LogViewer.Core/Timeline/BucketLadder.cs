namespace LogViewer.Core.Timeline;

/// <summary>
/// The bucket sizes a timeline picks from, 1 s to 1 day, each a size people count in (as lnav's histogram does),
/// and the choice of the smallest one that fits a time range into a number of columns.
/// </summary>
public static class BucketLadder
{
    private const long Second = 1_000_000_000L;

    /// <summary>1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, 2, 5, 10, 15, 30 min, 1 h, 2, 3, 6, 12 h, 1 day.</summary>
    public static IReadOnlyList<TimeSpan> Sizes { get; } =
    [
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(s => TimeSpan.FromSeconds(s)),
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 3, 6, 12 }.Select(h => TimeSpan.FromHours(h)),
        TimeSpan.FromDays(1),
    ];

    /// <summary>
    /// The smallest size whose buckets (aligned to multiples of the size in local time: <paramref name="alignOffset"/>
    /// is the zone's offset from UTC) cover <paramref name="firstNanos"/>..<paramref name="lastNanos"/> in at most
    /// <paramref name="columns"/> buckets; the largest size when none does.
    /// </summary>
    public static long SizeNanosFor(long firstNanos, long lastNanos, int columns, TimeSpan alignOffset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var offset = (long)alignOffset.TotalSeconds * Second;
        foreach (var size in Sizes)
        {
            var nanos = size.Ticks * 100;
            if (BucketsBetween(firstNanos, lastNanos, nanos, offset) <= columns)
            {
                return nanos;
            }
        }

        return Sizes[^1].Ticks * 100;
    }

    /// <summary>The start of the bucket of size <paramref name="sizeNanos"/> holding <paramref name="nanos"/>.</summary>
    public static long BucketStart(long nanos, long sizeNanos, TimeSpan alignOffset)
    {
        var offset = (long)alignOffset.TotalSeconds * Second;
        return (FloorDiv(nanos + offset, sizeNanos) * sizeNanos) - offset;
    }

    private static long BucketsBetween(long firstNanos, long lastNanos, long sizeNanos, long offset) =>
        FloorDiv(lastNanos + offset, sizeNanos) - FloorDiv(firstNanos + offset, sizeNanos) + 1;

    private static long FloorDiv(long value, long divisor)
    {
        var (q, r) = Math.DivRem(value, divisor);
        return r < 0 ? q - 1 : q;
    }
}
