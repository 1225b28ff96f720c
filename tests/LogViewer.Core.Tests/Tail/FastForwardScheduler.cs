using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// Virtual time for an engine that also does real I/O (HTTP on loopback): whatever is scheduled runs as soon as it
/// is the earliest pending work, on this scheduler's own thread, with <see cref="Now"/> moved to its due time. The
/// engine's loop is sequential, so at most one wait is pending while it awaits the network: jumping straight to it
/// is exactly what a clock would do, minus the waiting. A minute of retry backoff then costs microseconds, while
/// every request still crosses a real socket. Thread-safe, unlike HistoricalScheduler.
/// </summary>
internal sealed class FastForwardScheduler : IScheduler, IDisposable
{
    private readonly object _gate = new();
    private readonly PriorityQueue<Work, (DateTimeOffset Due, long Order)> _queue = new();
    private readonly Thread _pump;
    private DateTimeOffset _now;
    private long _order;
    private bool _disposed;

    public FastForwardScheduler(DateTimeOffset start)
    {
        _now = start;
        _pump = new Thread(Pump) { IsBackground = true, Name = "fast-forward scheduler" };
        _pump.Start();
    }

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Work that failed inside the scheduler (a bug in the code under test), if any.</summary>
    public Exception? Failure { get; private set; }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => Schedule(state, TimeSpan.Zero, action);

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate)
        {
            return Enqueue(state, _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime), action);
        }
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (_gate)
        {
            return Enqueue(state, dueTime, action);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Monitor.PulseAll(_gate);
        }

        _pump.Join();
    }

    private BooleanDisposable Enqueue<TState>(TState state, DateTimeOffset due, Func<IScheduler, TState, IDisposable> action)
    {
        var work = new Work(scheduler => action(scheduler, state));
        _queue.Enqueue(work, (due, _order++));
        Monitor.PulseAll(_gate);
        return work.Cancellation;
    }

    private void Pump()
    {
        while (true)
        {
            Work? work = null;
            lock (_gate)
            {
                while (!_disposed && !TryTakeNext(out work))
                {
                    Monitor.Wait(_gate);
                }

                if (_disposed || work is null)
                {
                    return;
                }
            }

            try
            {
                work.Run(this);
            }
            catch (Exception bug)
            {
                Failure ??= bug;
            }
        }
    }

    private bool TryTakeNext(out Work? work)
    {
        while (_queue.TryDequeue(out work, out var key))
        {
            if (!work.Cancellation.IsDisposed)
            {
                _now = key.Due > _now ? key.Due : _now;
                return true;
            }
        }

        return false;
    }

    private sealed class Work(Func<IScheduler, IDisposable> action)
    {
        public BooleanDisposable Cancellation { get; } = new();

        public void Run(IScheduler scheduler)
        {
            if (!Cancellation.IsDisposed)
            {
                action(scheduler);
            }
        }
    }
}
