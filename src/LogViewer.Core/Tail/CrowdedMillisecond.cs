using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// A millisecond holding more lines than one page: the oldest page-full (ascending) and the newest page-full
/// (descending, start = end = that millisecond) are all the API can give. This merges the two into one read
/// and says whether together they provably cover the millisecond.
/// </summary>
internal static class CrowdedMillisecond
{
    /// <summary>
    /// The merged read (sorted by timestamp; per identity the larger of the two pages' copy counts) and, when the
    /// pages may leave a gap, an estimate of how many lines lie in it (<c>null</c> when the pages cover it all).
    /// </summary>
    /// <remarks>
    /// Covered when the descending page is not full (it then holds the whole millisecond), or when its oldest line
    /// is strictly older than the ascending page's newest: the pages then overlap, and every group of lines sharing
    /// one nanosecond timestamp lies wholly inside one of them, so the per-identity maximum is exact.
    /// </remarks>
    public static (List<LogEntry> Merged, MissingEstimate? Gap) Merge(IReadOnlyList<LogEntry> oldest, IReadOnlyList<LogEntry> newest, int pageSize)
    {
        var copiesInOldest = new Dictionary<LogEntry, int>();
        foreach (var entry in oldest)
        {
            copiesInOldest[entry] = copiesInOldest.GetValueOrDefault(entry) + 1;
        }

        var merged = new List<LogEntry>(oldest);
        var copiesInNewest = new Dictionary<LogEntry, int>();
        foreach (var entry in newest)
        {
            var copy = copiesInNewest[entry] = copiesInNewest.GetValueOrDefault(entry) + 1;
            if (copy > copiesInOldest.GetValueOrDefault(entry))
            {
                merged.Add(entry);
            }
        }

        // A stable sort keeps the API's order among lines that share a timestamp.
        var sorted = merged.OrderBy(e => e.TimestampNanos).ToList();
        if (newest.Count < pageSize || oldest.Count == 0 || newest.Count == 0)
        {
            return (sorted, null);
        }

        var oldestEnd = oldest.Max(e => e.TimestampNanos);
        var newestStart = newest.Min(e => e.TimestampNanos);
        return newestStart < oldestEnd ? (sorted, null) : (sorted, Estimate(oldest, newest, oldestEnd, newestStart));
    }

    // The gap's width divided by the average spacing of the lines on either side of it.
    private static MissingEstimate Estimate(IReadOnlyList<LogEntry> oldest, IReadOnlyList<LogEntry> newest, long gapStart, long gapEnd)
    {
        var span = (gapStart - oldest.Min(e => e.TimestampNanos)) + (newest.Max(e => e.TimestampNanos) - gapEnd);
        var lines = oldest.Count + newest.Count - 2;
        if (span <= 0 || lines <= 0 || gapEnd == gapStart)
        {
            return new MissingEstimate(gapStart, gapEnd, null);
        }

        var spacing = (double)span / lines;
        return new MissingEstimate(gapStart, gapEnd, Math.Max(1L, (long)Math.Round((gapEnd - gapStart) / spacing) - 1));
    }
}
