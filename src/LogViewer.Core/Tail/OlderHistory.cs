using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using Polly;

namespace LogViewer.Core.Tail;

/// <summary>
/// Scrolling back past what a viewer holds: each <see cref="ReadPageAsync(long?, IReadOnlyList{LogEntry}, CancellationToken)"/> reads the newest lines before the
/// oldest one held, a page (or a few empty 7-day windows) at a time, down to the target's start: a training job's or
/// a deployment's <c>created_at</c>, or <see cref="FallbackDepth"/> back when the API does not say. Exactly once
/// against the holder: the page ends at the oldest held line's millisecond, read again whole, and the lines the holder
/// has of that millisecond (the copies of each identity) are not given again, whatever evicted its neighbours.
/// Requests are paced and transient failures retried like the tail's; other failures throw <see cref="LogApiException"/>.
/// </summary>
public sealed class OlderHistory
{
    /// <summary>How far back the reading goes when the target's creation time is not known.</summary>
    public static readonly TimeSpan FallbackDepth = TimeSpan.FromDays(30);

    private readonly ILogApi _api;
    private readonly LogTarget _target;
    private readonly LogQuery _filters;
    private readonly TimeProvider _clock;
    private readonly RequestPacer _pacer;
    private readonly ResiliencePipeline _retry;
    private readonly PageLimit _limit = new();
    private readonly TimestampScreen _screen;
    private long? _floorMillis;

    public OlderHistory(ILogApi api, LogTarget target, LogQuery filters, IScheduler scheduler, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(scheduler);
        _api = api;
        _target = target;
        _filters = filters;
        _clock = clock ?? TimeProvider.System;
        _screen = new TimestampScreen(_clock);
        _pacer = new RequestPacer(scheduler);
        _retry = TransientFailureRetry.Build(TimeSpan.FromSeconds(30), new SchedulerTimeProvider(scheduler), null, _ => { });
    }

    /// <summary>
    /// The lines before <paramref name="oldestHeldNanos"/> (the holder's oldest line), newest first in pages but
    /// returned in time order. <paramref name="heldAtOldestMillis"/> are the lines the holder has in that line's
    /// millisecond. With nothing held, pass <c>null</c>: the page ends now.
    /// </summary>
    public Task<OlderPage> ReadPageAsync(long? oldestHeldNanos, IReadOnlyList<LogEntry> heldAtOldestMillis, CancellationToken cancellationToken) =>
        ReadPageAsync(oldestHeldNanos, heldAtOldestMillis, null, [], cancellationToken);

    /// <summary>
    /// As <see cref="ReadPageAsync(long?, IReadOnlyList{LogEntry}, CancellationToken)"/>, filling a gap: reading stops at
    /// <paramref name="downToMillis"/>, the gap's oldest millisecond, where the holder has
    /// <paramref name="heldAtDownTo"/> (the newest lines of the part below the gap); <see cref="OlderPage.Exhausted"/>
    /// then says the gap is closed.
    /// </summary>
    public async Task<OlderPage> ReadPageAsync(
        long? oldestHeldNanos, IReadOnlyList<LogEntry> heldAtOldestMillis, long? downToMillis, IReadOnlyList<LogEntry> heldAtDownTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldAtOldestMillis);
        ArgumentNullException.ThrowIfNull(heldAtDownTo);
        var targetFloor = _floorMillis ??= await FloorAsync(cancellationToken).ConfigureAwait(false);
        var floor = Math.Max(targetFloor, downToMillis ?? long.MinValue);
        var endMillis = oldestHeldNanos is { } nanos ? Nanos.ToEpochMillis(nanos) : _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (endMillis < floor)
        {
            return new OlderPage([], floor, Exhausted: true, Requests: 0);
        }

        // What the holder has of the boundary milliseconds counts as emitted: only the copies it lacks come back.
        var held = Held([.. heldAtOldestMillis, .. heldAtDownTo]);

        var identities = new HistoryIdentities(held);
        var pager = new HistoryPager(FetchAsync, _filters, _limit, _screen);
        var requests = 0;
        await using var pages = pager.ReadAsync(floor, endMillis, openEnded: false, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await pages.MoveNextAsync().ConfigureAwait(false))
        {
            requests++;
            var (read, reread, nextEnd) = pages.Current;
            var fresh = identities.Admit(read.Entries, reread, long.MaxValue);
            if (fresh.Count > 0 || nextEnd is null)
            {
                return new OlderPage(fresh, floor, Exhausted: nextEnd is null, requests);
            }
        }

        return new OlderPage([], floor, Exhausted: true, requests);
    }

    /// <summary>
    /// <c>:goto</c> far back: one ascending page from <paramref name="timeNanos"/> (or the target's start, if later) up
    /// to the holder's oldest line <paramref name="loadedOldestNanos"/>, whose millisecond's held lines
    /// <paramref name="heldAtLoadedOldest"/> are not given again. When the page is full, lines between it and what is
    /// held are not loaded: <see cref="OlderAround.GapFromMillis"/> is the page's newest millisecond, from which
    /// <see cref="ReadPageAsync(long?, IReadOnlyList{LogEntry}, long?, IReadOnlyList{LogEntry}, CancellationToken)"/>
    /// fills the gap later.
    /// </summary>
    public async Task<OlderAround> ReadAroundAsync(long timeNanos, long? loadedOldestNanos, IReadOnlyList<LogEntry> heldAtLoadedOldest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldAtLoadedOldest);
        var floor = _floorMillis ??= await FloorAsync(cancellationToken).ConfigureAwait(false);
        var start = Math.Max(floor, Nanos.ToEpochMillis(timeNanos));
        var end = loadedOldestNanos is { } oldest ? Nanos.ToEpochMillis(oldest) : _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (start > end)
        {
            return new OlderAround([], null, floor, Requests: 0);
        }

        var query = _filters with { StartEpochMillis = start, EndEpochMillis = end, Direction = SortDirection.Ascending };
        var answer = await FetchAsync(query, cancellationToken).ConfigureAwait(false);
        var limit = _limit.UsedThenGrow();
        var entries = _screen.Screen(answer, query).Entries.Where(e => e.EpochMillis >= start && e.EpochMillis <= end).ToList();
        var fresh = Held(heldAtLoadedOldest).Admit(entries);
        var full = answer.Entries.Count >= limit && entries.Count > 0;
        return new OlderAround(fresh, full ? entries[^1].EpochMillis : null, floor, Requests: 1);
    }

    // The holder's lines of a boundary millisecond, by identity with their copies.
    private static EmittedIdentities Held(IEnumerable<LogEntry> lines)
    {
        var held = new EmittedIdentities();
        foreach (var group in lines.GroupBy(e => e))
        {
            held.Raise(group.Key, group.Count());
        }

        return held;
    }

    // Nothing is logged before the target existed; the status endpoints say when that was.
    private async Task<long> FloorAsync(CancellationToken cancellationToken)
    {
        var fallback = (_clock.GetUtcNow() - FallbackDepth).ToUnixTimeMilliseconds();
        try
        {
            DateTimeOffset? created = _target switch
            {
                TrainingJobTarget job => (await Call(ct => _api.GetTrainingJobAsync(job, ct), cancellationToken).ConfigureAwait(false)).CreatedAt,
                DeploymentTarget deployment => (await Call(ct => _api.GetDeploymentAsync(deployment, ct), cancellationToken).ConfigureAwait(false))?.CreatedAt,
                _ => null,
            };
            return created is { } at ? Math.Max(at.ToUnixTimeMilliseconds(), fallback) : fallback;
        }
        catch (LogApiException failure) when (failure.Kind is not ApiFailureKind.Unauthorized)
        {
            // The logs may still be readable when the status is not: read back the fallback depth.
            return fallback;
        }
    }

    private Task<LogPage> FetchAsync(LogQuery query, CancellationToken cancellationToken) =>
        Call(ct => _limit.TryAsync((q, c) => _api.GetLogsAsync(_target, q, c), query, ct), cancellationToken);

    private async Task<T> Call<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await _pacer.WaitTurnAsync(ct).ConfigureAwait(false);
                return await call(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
}

/// <summary>
/// One read of <see cref="OlderHistory"/>: the lines not held yet, in time order; <see cref="Exhausted"/> when nothing
/// older is left down to <see cref="FloorMillis"/>, the target's start.
/// </summary>
public sealed record OlderPage(IReadOnlyList<LogEntry> Entries, long FloorMillis, bool Exhausted, int Requests);

/// <summary>
/// One read of <see cref="OlderHistory.ReadAroundAsync"/>: the lines from the time asked, in time order, and where the
/// gap between them and what was held starts (<c>null</c>: they reach it, nothing is missing between).
/// </summary>
public sealed record OlderAround(IReadOnlyList<LogEntry> Entries, long? GapFromMillis, long FloorMillis, int Requests);
