using System.Runtime.CompilerServices;
using LogViewer.Core.Api;

namespace LogViewer.Core.Tail;

/// <summary>
/// Reads one window (at most 7 days) completely, oldest first, page by page with no pause between pages.
/// A page that is not full ends the window. A full page is followed at once by the next, starting at its last
/// line's millisecond: that millisecond is returned again from its first line, which the de-duplication absorbs,
/// and no line sharing it is skipped (a <c>last + 1 ms</c> cursor would skip them).
/// A full page lying wholly inside one millisecond cannot move that way; the millisecond is then read
/// newest-first too, and reading goes on after it, so it neither stalls nor loops.
/// Pages are <paramref name="limit"/>'s size, which shrinks while a server answers with too much: "full" means
/// full at the limit the page was read with.
/// Entries outside the window a request asked for are dropped before anything is decided (<see cref="TimestampScreen"/>),
/// so they never move the start of the next page; a full page with nothing inside its window ends the window (paging
/// on from it could not make progress), and the next poll asks again.
/// The reads come back as a stream the owner consumes; the pager only fetches and decides what to fetch next.
/// </summary>
internal sealed class WindowPager(Func<LogQuery, CancellationToken, Task<LogPage>> fetch, LogQuery filters, PageLimit limit, TimestampScreen screen)
{
    /// <summary>The window's reads, oldest first; the next page is fetched only when the owner asks for it.</summary>
    public async IAsyncEnumerable<PageRead> ReadAsync(ReadWindow window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = window.StartEpochMillis;
        while (true)
        {
            var (page, received) = await FetchAsync(Query(start, window.OpenEnded ? null : window.EndEpochMillis, SortDirection.Ascending), cancellationToken).ConfigureAwait(false);
            var pageSize = limit.UsedThenGrow();
            var entries = page.Entries;
            if (received < pageSize || entries.Count == 0)
            {
                yield return new PageRead(entries, page.Problems, MoreToRead: false);
                yield break;
            }

            var lastMillis = entries[^1].EpochMillis;
            if (entries[0].EpochMillis != lastMillis)
            {
                yield return new PageRead(entries, page.Problems, MoreToRead: true);
                start = lastMillis;
                continue;
            }

            var (newest, _) = await FetchAsync(Query(lastMillis, lastMillis, SortDirection.Descending), cancellationToken).ConfigureAwait(false);
            pageSize = Math.Min(pageSize, limit.UsedThenGrow());
            var (merged, gap) = CrowdedMillisecond.Merge(entries, newest.Entries, pageSize);
            var more = window.OpenEnded || lastMillis < window.EndEpochMillis;
            yield return new PageRead(merged, page.Problems.Plus(newest.Problems), more)
            {
                CrowdedMillis = lastMillis,
                Gap = gap,
                PageSize = pageSize,
            };
            if (!more)
            {
                yield break;
            }

            start = lastMillis + 1;
        }
    }

    // The answer with only the entries inside the window asked for, and how many entries it held before that.
    private async Task<(LogPage Page, int Received)> FetchAsync(LogQuery query, CancellationToken cancellationToken)
    {
        var answer = await fetch(query, cancellationToken).ConfigureAwait(false);
        return (screen.Screen(answer, query), answer.Entries.Count);
    }


    private LogQuery Query(long start, long? end, SortDirection direction) => filters with
    {
        StartEpochMillis = start,
        EndEpochMillis = end,
        Direction = direction,
        Limit = limit.Current,
    };
}
