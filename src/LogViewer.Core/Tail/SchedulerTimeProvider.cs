using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace LogViewer.Core.Tail;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock and timers are an <see cref="IScheduler"/>'s. Polly's retry waits go
/// through it, so every wait of the engine (poll interval, paging pace, retry backoff) runs on the one injected
/// scheduler, and tests drive all of them with virtual time.
/// </summary>
internal sealed class SchedulerTimeProvider(IScheduler scheduler) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => scheduler.Now.ToUniversalTime();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SchedulerTimer(scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SchedulerTimer(IScheduler scheduler, TimerCallback callback, object? state) : ITimer
    {
        private readonly SerialDisposable _pending = new();

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_pending.IsDisposed)
            {
                return false;
            }

            _pending.Disposable = dueTime == Timeout.InfiniteTimeSpan
                ? Disposable.Empty
                : scheduler.Schedule(dueTime, self =>
                {
                    callback(state);
                    if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
                    {
                        self(period);
                    }
                });
            return true;
        }

        public void Dispose() => _pending.Dispose();

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
