using System.Reactive.Linq;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Running;

/// <summary>
/// TEMPORARY, until the tail engine (LogViewer.Core.Tail.TailEngine, branch <c>tail</c>) is merged: reads the
/// requested range once, fully paged, and ends; it does not follow. Replace with the engine and delete this file.
/// </summary>
internal sealed class OneShotTailSource(TimeProvider timeProvider) : ITailSourceFactory
{
    public IObservable<TailEvent> Create(ILogApi api, LogTarget target, TailOptions options) =>
        Observable.Create<TailEvent>(async (observer, cancellationToken) =>
        {
            var now = timeProvider.GetUtcNow();
            observer.OnNext(new TailStatus(TailState.Connecting, now, $"connecting to {target.Describe()}"));
            var end = options.ToEpochMillis ?? now.ToUnixTimeMilliseconds();
            var start = options.FromEpochMillis ?? end - (long)TailOptions.DefaultSince.TotalMilliseconds;
            var seenInBoundaryMilli = new Dictionary<LogEntry, int>();
            var boundaryMilli = long.MinValue;
            try
            {
                while (true)
                {
                    var query = options.Filters with { StartEpochMillis = start, EndEpochMillis = end, Direction = SortDirection.Ascending, Limit = LogQuery.MaxLimit };
                    var page = await api.GetLogsAsync(target, query, cancellationToken).ConfigureAwait(false);
                    var fresh = new List<LogEntry>(page.Entries.Count);
                    var seenAgain = new Dictionary<LogEntry, int>(seenInBoundaryMilli);
                    foreach (var entry in page.Entries)
                    {
                        if (entry.EpochMillis == boundaryMilli && seenAgain.TryGetValue(entry, out var count) && count > 0)
                        {
                            seenAgain[entry] = count - 1;
                            continue;
                        }

                        fresh.Add(entry);
                    }

                    if (fresh.Count > 0)
                    {
                        observer.OnNext(new TailBatch(fresh, 0));
                    }

                    if (page.Entries.Count < LogQuery.MaxLimit || page.Entries[^1].EpochMillis == start)
                    {
                        break;
                    }

                    start = page.Entries[^1].EpochMillis;
                    if (start != boundaryMilli)
                    {
                        seenInBoundaryMilli.Clear();
                        boundaryMilli = start;
                    }

                    foreach (var entry in page.Entries.Where(e => e.EpochMillis == boundaryMilli))
                    {
                        seenInBoundaryMilli[entry] = seenInBoundaryMilli.GetValueOrDefault(entry) + 1;
                    }
                }

                observer.OnNext(new TailStatus(TailState.Ended, timeProvider.GetUtcNow(), "the requested range is read (one-shot fetch; following needs the tail engine)"));
            }
            catch (LogApiException ex) when (!ex.IsTransient)
            {
                observer.OnNext(new TailStatus(TailState.Fatal, timeProvider.GetUtcNow(), ex.Message) { Failure = ex.Kind });
            }

            observer.OnCompleted();
        });
}
