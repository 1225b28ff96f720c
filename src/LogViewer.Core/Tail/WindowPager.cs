using LogViewer.Core.Api;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// Reads one window (at most 7 days) completely, oldest first, page by page with no pause between pages.
/// A page that is not full ends the window. A full page is followed at once by the next, starting at its last
/// line's millisecond: that millisecond is returned again from its first line, which the de-duplication absorbs,
/// and no line sharing it is skipped (a <c>last + 1 ms</c> cursor would skip them).
/// A full page lying wholly inside one millisecond cannot move that way; the millisecond is then read
/// newest-first too, and reading goes on after it, so it neither stalls nor loops.
/// </summary>
internal sealed class WindowPager(Func<LogQuery, CancellationToken, Task<LogPage>> fetch, LogQuery filters)
{
    public const int PageSize = LogQuery.MaxLimit;

    public async Task ReadAsync(ReadWindow window, Action<PageRead> onRead, CancellationToken cancellationToken)
    {
        var start = window.StartEpochMillis;
        while (true)
        {
            var page = await fetch(Query(start, window.OpenEnded ? null : window.EndEpochMillis, SortDirection.Ascending), cancellationToken).ConfigureAwait(false);
            var entries = page.Entries;
            if (entries.Count < PageSize)
            {
                onRead(new PageRead(entries, page.Problems, MoreToRead: false));
                return;
            }

            var lastMillis = entries[^1].EpochMillis;
            if (entries[0].EpochMillis != lastMillis)
            {
                onRead(new PageRead(entries, page.Problems, MoreToRead: true));
                start = lastMillis;
                continue;
            }

            var newest = await fetch(Query(lastMillis, lastMillis, SortDirection.Descending), cancellationToken).ConfigureAwait(false);
            var (merged, gap) = CrowdedMillisecond.Merge(entries, newest.Entries, PageSize);
            var more = window.OpenEnded || lastMillis < window.EndEpochMillis;
            onRead(new PageRead(merged, page.Problems.Plus(newest.Problems), more)
            {
                CrowdedMillis = lastMillis,
                Gap = gap,
            });
            if (!more)
            {
                return;
            }

            start = lastMillis + 1;
        }
    }

    private LogQuery Query(long start, long? end, SortDirection direction) => filters with
    {
        StartEpochMillis = start,
        EndEpochMillis = end,
        Direction = direction,
        Limit = PageSize,
    };
}

/// <summary>
/// One read handed to the de-duplication: a page, or the merged pages of a crowded millisecond, with what decoding it cost.
/// <see cref="MoreToRead"/> is true when the window has more pages to fetch right away.
/// </summary>
internal sealed record PageRead(IReadOnlyList<LogEntry> Entries, DecodeReport Problems, bool MoreToRead)
{
    /// <summary>Set when this read is a millisecond holding more than a page.</summary>
    public long? CrowdedMillis { get; init; }

    /// <summary>Set when even two pages could not cover <see cref="CrowdedMillis"/>.</summary>
    public MissingEstimate? Gap { get; init; }
}
