using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using Polly;

namespace LogViewer.Core.Rules;

/// <summary>
/// <c>:search-server</c>: reads back from now over a duration (at most the API's 7-day window per request, several
/// windows for longer), newest first, a page of 1000 at a time (fewer while answers are over the size cap), with a <see cref="PushdownPlan"/>'s filters, until
/// the duration is covered or <see cref="MaxMatches"/> lines came back. Each next page ends at the previous page's
/// oldest millisecond, which it reads again whole, and the engine's exact de-duplication absorbs the overlap.
/// Requests are paced and transient failures retried like the tail's; other failures throw <see cref="LogApiException"/>.
/// </summary>
public sealed class ServerSearch
{
    /// <summary>The search stops after this many lines from the server, and says so.</summary>
    public const int MaxMatches = 10_000;

    /// <summary>The default duration: the API's widest window.</summary>
    public static readonly TimeSpan DefaultDuration = LogQuery.MaxWindow;

    private readonly ILogApi _api;
    private readonly LogTarget _target;
    private readonly TimeProvider _clock;
    private readonly RequestPacer _pacer;
    private readonly ResiliencePipeline _retry;

    public ServerSearch(ILogApi api, LogTarget target, IScheduler scheduler, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scheduler);
        _api = api;
        _target = target;
        _clock = clock ?? TimeProvider.System;
        _pacer = new RequestPacer(scheduler);
        _retry = TransientFailureRetry.Build(TimeSpan.FromSeconds(30), new SchedulerTimeProvider(scheduler), null, _ => { });
    }

    /// <summary>Reads [now - <paramref name="duration"/>, now] newest first; <paramref name="progress"/> gets the lines found so far.</summary>
    public async Task<ServerSearchResult> RunAsync(LogQuery filters, TimeSpan duration, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var from = now - (long)duration.TotalMilliseconds;
        var identities = new EmittedIdentities();
        var found = new List<LogEntry>();
        var limit = new PageLimit();
        var requests = 0;
        string? warning = null;
        foreach (var window in ReadWindow.Split(from, now).Reverse())
        {
            var end = window.EndEpochMillis;
            while (end >= window.StartEpochMillis)
            {
                var query = filters with
                {
                    StartEpochMillis = window.StartEpochMillis,
                    EndEpochMillis = end,
                    Direction = SortDirection.Descending,
                };
                var page = await FetchAsync(query, limit, cancellationToken).ConfigureAwait(false);
                var pageSize = limit.Current;
                limit.Grow();
                requests++;
                var entries = page.Entries;
                foreach (var entry in identities.Admit(entries))
                {
                    found.Add(entry);
                    if (found.Count == MaxMatches)
                    {
                        return Result(found, requests, true, from, now, warning);
                    }
                }

                progress?.Report(found.Count);
                if (entries.Count < pageSize)
                {
                    break;
                }

                var oldest = entries[^1].EpochMillis;
                if (entries[0].EpochMillis == oldest)
                {
                    // A millisecond holding a whole page cannot be paged by milliseconds: step past it and say so.
                    warning = $"More than {pageSize} lines share the millisecond {DateTimeOffset.FromUnixTimeMilliseconds(oldest):O}; the search read only {pageSize} of them.";
                    oldest--;
                }

                end = oldest;
            }
        }

        return Result(found, requests, false, from, now, warning);
    }

    private static ServerSearchResult Result(List<LogEntry> found, int requests, bool hitLimit, long from, long to, string? warning)
    {
        // Reversed first, so that after a stable sort lines sharing a timestamp are in the API's ascending order.
        found.Reverse();
        return new ServerSearchResult(found.OrderBy(entry => entry.TimestampNanos).ToList(), requests, hitLimit, from, to) { Warning = warning };
    }

    // As the tail does: an answer over the client's size cap is asked again at once for a tenth of the entries.
    private async Task<LogPage> FetchAsync(LogQuery query, PageLimit limit, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await _pacer.WaitTurnAsync(ct).ConfigureAwait(false);
                return await limit.TryAsync((q, c) => _api.GetLogsAsync(_target, q, c), query, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
}
