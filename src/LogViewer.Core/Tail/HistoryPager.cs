using System.Runtime.CompilerServices;
using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// Reads a range newest first: its 7-day windows from the newest, each in descending pages. It mirrors
/// <see cref="WindowPager"/>: a full page is followed by the next, ending at its oldest line's millisecond, which is
/// returned again from its newest line (the de-duplication absorbs the repeat, and no line sharing it is skipped); a
/// full page wholly inside one millisecond is merged with that millisecond read oldest-first
/// (<see cref="CrowdedMillisecond"/>), and reading goes on before it.
/// Entries outside the window asked for are dropped strictly, to the millisecond (not with the screen's tolerance):
/// a line a little after a page's end was the newer page's or the live tail's to read, and one before the window's
/// start is the older window's, so each millisecond has exactly one owner and is never emitted twice.
/// </summary>
internal sealed class HistoryPager(Func<LogQuery, CancellationToken, Task<LogPage>> fetch, LogQuery filters, PageLimit limit, TimestampScreen screen)
{
    /// <summary>
    /// The reads of [<paramref name="fromMillis"/>, <paramref name="toMillis"/>], newest first; with
    /// <paramref name="openEnded"/> the first page sends no end, so it reaches the server's now.
    /// The next page is fetched only when the owner asks for it.
    /// </summary>
    public async IAsyncEnumerable<HistoryRead> ReadAsync(long fromMillis, long toMillis, bool openEnded, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var window in ReadWindow.Split(fromMillis, toMillis, openEnded).Reverse())
        {
            // Windows are contiguous: the older one ends a millisecond before this one starts.
            long? olderEnd = window.StartEpochMillis > fromMillis ? window.StartEpochMillis - 1 : null;
            long? end = window.OpenEnded ? null : window.EndEpochMillis;
            while (true)
            {
                var (page, received) = await FetchAsync(window.StartEpochMillis, end, SortDirection.Descending, cancellationToken).ConfigureAwait(false);
                var pageSize = limit.UsedThenGrow();
                var newestFirst = page.Entries;
                if (received < pageSize || newestFirst.Count == 0)
                {
                    yield return new HistoryRead(new PageRead(Ascending(newestFirst), page.Problems, olderEnd is not null), null, olderEnd);
                    break;
                }

                var oldestMillis = newestFirst[^1].EpochMillis;
                if (newestFirst[0].EpochMillis != oldestMillis)
                {
                    yield return new HistoryRead(new PageRead(Ascending(newestFirst), page.Problems, MoreToRead: true), oldestMillis, oldestMillis);
                    end = oldestMillis;
                    continue;
                }

                var (oldest, _) = await FetchAsync(oldestMillis, oldestMillis, SortDirection.Ascending, cancellationToken).ConfigureAwait(false);
                pageSize = Math.Min(pageSize, limit.UsedThenGrow());
                var (merged, gap) = CrowdedMillisecond.Merge(oldest.Entries, newestFirst, pageSize);
                long? next = oldestMillis > window.StartEpochMillis ? oldestMillis - 1 : olderEnd;
                yield return new HistoryRead(
                    new PageRead(merged, page.Problems.Plus(oldest.Problems), next is not null) { CrowdedMillis = oldestMillis, Gap = gap, PageSize = pageSize },
                    null,
                    next);
                if (oldestMillis <= window.StartEpochMillis)
                {
                    break;
                }

                end = oldestMillis - 1;
            }
        }
    }

    private static List<LogEntry> Ascending(IReadOnlyList<LogEntry> newestFirst)
    {
        var entries = new List<LogEntry>(newestFirst.Count);
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            entries.Add(newestFirst[i]);
        }

        return entries;
    }

    // The answer with only the entries inside the window asked for, and how many entries it held before that.
    private async Task<(LogPage Page, int Received)> FetchAsync(long start, long? end, SortDirection direction, CancellationToken cancellationToken)
    {
        var query = filters with { StartEpochMillis = start, EndEpochMillis = end, Direction = direction, Limit = limit.Current };
        var answer = await fetch(query, cancellationToken).ConfigureAwait(false);
        var screened = screen.Screen(answer, query);
        var inside = screened.Entries.Where(e => e.EpochMillis >= start && (end is not { } last || e.EpochMillis <= last)).ToList();
        var page = inside.Count == screened.Entries.Count ? screened : screened with { Entries = inside };
        return (page, answer.Entries.Count);
    }

}
