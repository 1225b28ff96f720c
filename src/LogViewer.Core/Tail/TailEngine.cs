using System.Reactive.Concurrency;
using System.Reactive.Linq;
using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// Tails one deployment or training job: every line the API holds for the target and filters is delivered exactly
/// once, in <see cref="TailBatch"/>es sorted by timestamp, despite late lines, page boundaries inside one millisecond,
/// bursts bigger than a page, rate limits and a flaky network; <see cref="TailStatus"/> and <see cref="TailWarning"/>
/// events explain what it is doing. All waiting happens on the injected <see cref="IScheduler"/>; "now" (for the
/// default range and how far behind it is) comes from the <see cref="TimeProvider"/>. It never sends more than
/// 10 requests per second (<see cref="RequestPacer"/>), far below Baseten's 100 per second per key.
/// </summary>
public sealed class TailEngine
{
    private readonly ILogApi _api;
    private readonly LogTarget _target;
    private readonly TailOptions _options;
    private readonly IScheduler _scheduler;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double>? _randomizer;

    public TailEngine(ILogApi api, LogTarget target, TailOptions options, IScheduler scheduler, TimeProvider? timeProvider = null)
        : this(api, target, options, scheduler, timeProvider, randomizer: null)
    {
    }

    // randomizer: the backoff jitter's source of numbers in [0, 1); tests pass a fixed one.
    internal TailEngine(ILogApi api, LogTarget target, TailOptions options, IScheduler scheduler, TimeProvider? timeProvider, Func<double>? randomizer)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Lookback, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.JobStatusInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DeploymentStatusInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBackoff, TimeSpan.FromSeconds(1));
        _api = api;
        _target = target;
        _options = options;
        _scheduler = scheduler;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _randomizer = randomizer;
    }

    /// <summary>
    /// A cold stream: each subscription runs one independent poller, starting on the scheduler; disposing the
    /// subscription stops it and cancels the request in flight. The stream completes after a
    /// <see cref="TailState.Ended"/> or <see cref="TailState.Fatal"/> status (after <see cref="TailState.Stopped"/> it
    /// waits for <see cref="TailOptions.Control"/> to resume); API failures never reach OnError
    /// (transient ones are retried and reported as <see cref="TailState.Retrying"/>), only bugs do.
    /// Events arrive sequentially on the scheduler's or the HTTP client's threads: use ObserveOn to render them.
    /// A <see cref="TailState.Live"/> status follows every poll (its LastPollAt moves on) and a
    /// <see cref="TailState.CatchingUp"/> status every page of a backlog; a display of changes compares the State.
    /// </summary>
    public IObservable<TailEvent> Run() => Observable.Create<TailEvent>(observer =>
        _scheduler.ScheduleAsync(async (_, cancellationToken) =>
        {
            var session = new TailSession(_api, _target, _options, _scheduler, _timeProvider, _randomizer, observer.OnNext);
            try
            {
                await session.RunAsync(cancellationToken).ConfigureAwait(false);
                observer.OnCompleted();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disposed: nobody is listening any more.
            }
            catch (Exception bug)
            {
                observer.OnError(bug);
            }
        }));
}
