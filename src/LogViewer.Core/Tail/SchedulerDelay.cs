using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace LogViewer.Core.Tail;

/// <summary>Awaitable waits on an <see cref="IScheduler"/>, so the async poll loop runs on virtual time in tests.</summary>
internal static class SchedulerDelay
{
    /// <summary>
    /// Completes when the scheduler reaches now + <paramref name="delay"/>. The continuation runs inline, inside the
    /// scheduler's work item: on a virtual-time scheduler the loop moves on during AdvanceBy, deterministically.
    /// (Rx's ToTask completes its task on the thread pool, which a virtual-time test cannot wait for.)
    /// </summary>
    public static async Task DelayAsync(this IScheduler scheduler, TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource();
        using var work = scheduler.Schedule(done, delay, static (_, pending) =>
        {
            pending.TrySetResult();
            return Disposable.Empty;
        });
        using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        await done.Task.ConfigureAwait(false);
    }
}
