using System.Reactive.Concurrency;

namespace LogViewer.Core.Tail;

/// <summary>
/// The engine's request rate ceiling: at least <see cref="MinSpacing"/> between the starts of two requests,
/// that is at most 10 requests per second per tail, also while paging through a backlog and while retrying.
/// Baseten allows 100 requests/s per key and endpoint; ten tails of one key together stay at that limit.
/// </summary>
internal sealed class RequestPacer(IScheduler scheduler)
{
    public static readonly TimeSpan MinSpacing = TimeSpan.FromMilliseconds(100);

    private DateTimeOffset? _lastStart;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_lastStart is { } last)
        {
            var wait = last + MinSpacing - scheduler.Now;
            if (wait > TimeSpan.Zero)
            {
                await scheduler.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        _lastStart = scheduler.Now;
    }
}
