using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// A tail engine on virtual time: a <see cref="HistoricalScheduler"/> drives every wait, and "now" is the
/// scheduler's clock. Records every event the engine emits.
/// </summary>
internal sealed class TailHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);
    public static readonly LogTarget Deployment = new DeploymentTarget("m1", "d1");

    private IDisposable? _subscription;

    public TailHarness(LogTarget? target = null)
    {
        Scheduler = new HistoricalScheduler(Start);
        Api = new InMemoryLogApi(Scheduler);
        Target = target ?? Deployment;
    }

    public HistoricalScheduler Scheduler { get; }

    public InMemoryLogApi Api { get; }

    public LogTarget Target { get; }

    public TailEngine? Engine { get; private set; }

    public List<TailEvent> Events { get; } = [];

    public bool Completed { get; private set; }

    public Exception? Error { get; private set; }

    public IEnumerable<TailBatch> Batches => Events.OfType<TailBatch>();

    public List<LogEntry> Emitted => Batches.SelectMany(b => b.Entries).ToList();

    public IEnumerable<TailStatus> Statuses => Events.OfType<TailStatus>();

    public IEnumerable<TailWarning> Warnings => Events.OfType<TailWarning>();

    public DateTimeOffset Now => Scheduler.Now;

    /// <summary>A line at <paramref name="at"/> plus <paramref name="nanos"/> nanoseconds.</summary>
    public static LogEntry Line(DateTimeOffset at, string message, long nanos = 0, string? replica = "r1") =>
        new(Nanos.FromDateTimeOffset(at) + nanos, message, replica, null, LogLevel.Info);

    /// <summary>
    /// Subscribes to a new engine reading <see cref="Api"/>, or <paramref name="api"/> when given. The engine's wall
    /// clock is the scheduler's, shifted by <paramref name="localClockSkew"/> (the API's clock is the scheduler's).
    /// </summary>
    public void Run(TailOptions options, ILogApi? api = null, TimeSpan localClockSkew = default)
    {
        var clock = new SkewedClock(new SchedulerTimeProvider(Scheduler), localClockSkew);
        Engine = new TailEngine(api ?? Api, Target, options, Scheduler, clock, randomizer: () => 0.5);
        _subscription = Engine.Run().Subscribe(Events.Add, e => Error = e, () => Completed = true);
    }

    /// <summary>
    /// Runs the virtual clock forward. xunit's SynchronizationContext is removed meanwhile: with it, .NET would
    /// queue the engine's await continuations to the thread pool instead of running them inside the scheduler's
    /// work item, and the test could not know when the engine has moved on.
    /// </summary>
    public void Advance(TimeSpan by) => WithoutContext(() => Scheduler.AdvanceBy(by));

    /// <summary>Runs <paramref name="action"/> as <see cref="Advance"/> does, so the engine's continuations it triggers run inline.</summary>
    public static void WithoutContext(Action action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    public void AdvanceInSteps(TimeSpan total, TimeSpan step, Action? afterEachStep = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            Advance(step);
            afterEachStep?.Invoke();
        }
    }

    /// <summary>Disposes the subscription: stops the engine.</summary>
    public void Unsubscribe() => _subscription?.Dispose();

    public void Dispose() => _subscription?.Dispose();
}

/// <summary>A wall clock that is off by a fixed amount, like a laptop without NTP.</summary>
internal sealed class SkewedClock(TimeProvider inner, TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + skew;
}
