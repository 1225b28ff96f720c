using System.Globalization;
using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;
using LogViewer.Core.Text;
using Polly;

namespace LogViewer.Core.Tail;

/// <summary>
/// One subscription's poller: a sequential loop, so polls never overlap. It waits for a training job to start,
/// reads the requested range window by window, then polls every interval from the cursor minus the lookback
/// until the range ends (no follow), the job has ended and its trailing grace is over, a fatal failure, or disposal.
/// With <see cref="TailOptions.NewestFirst"/> it reads the range's newest page first and back-fills the rest between
/// live polls instead (<c>TailSession.History.cs</c>).
/// </summary>
internal sealed partial class TailSession
{
    private readonly ILogApi _api;
    private readonly LogTarget _target;
    private readonly TailOptions _options;
    private readonly IScheduler _scheduler;
    private readonly TimeProvider _clock;
    private readonly Action<TailEvent> _emit;
    private readonly StatusReporter _status;
    private readonly RequestPacer _pacer;
    private readonly ResiliencePipeline _retry;
    private readonly WindowPager _pager;
    private readonly TrainingJobWatcher? _job;
    private readonly DeploymentWatcher? _deployment;
    private readonly PageLimit _pageLimit = new();
    private readonly EmittedIdentities _identities = new();
    private readonly HashSet<long> _warnedCrowdedMillis = [];
    private TailCursor? _cursor;
    private long? _newestEmittedNanos;
    private readonly Dictionary<string, DateTimeOffset> _lastProblemWarningAt = new(StringComparer.Ordinal);

    public TailSession(ILogApi api, LogTarget target, TailOptions options, IScheduler scheduler, TimeProvider clock, Func<double>? randomizer, Action<TailEvent> emit)
    {
        _api = api;
        _target = target;
        _options = options;
        _scheduler = scheduler;
        _clock = clock;
        _emit = emit;
        _status = new StatusReporter(clock, emit);
        _pacer = new RequestPacer(scheduler);
        _retry = TransientFailureRetry.Build(options.MaxBackoff, new SchedulerTimeProvider(scheduler), randomizer, _status.Retrying);
        _pager = new WindowPager(FetchLogsAsync, options.Filters, _pageLimit, new TimestampScreen(clock));
        _historyPager = new HistoryPager(FetchLogsAsync, options.Filters, _pageLimit, new TimestampScreen(clock));
        _historyIdentities = new HistoryIdentities(_identities);
        _job = target is TrainingJobTarget job ? new TrainingJobWatcher(job, options.JobStatusInterval) : null;
        _deployment = target is DeploymentTarget deployment ? new DeploymentWatcher(deployment, options.DeploymentStatusInterval) : null;
    }

    // Known once the range is: a training job's default range starts 30 min before it starts running.
    private TailCursor Cursor => _cursor ?? throw new InvalidOperationException("The range is not known yet.");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _status.Report(TailState.Connecting, $"Connecting to {_target.Describe()}.");
        try
        {
            await TailAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LogApiException failure) when (!failure.IsTransient)
        {
            _status.Fatal(failure);
        }
        finally
        {
            await StopHistoryAsync().ConfigureAwait(false);
        }
    }

    private async Task TailAsync(CancellationToken cancellationToken)
    {
        var problems = _options.Filters.Validate(_target);
        if (problems.Count > 0)
        {
            throw new LogApiException(ApiFailureKind.BadRequest, "The filters cannot be sent: " + string.Join(" ", problems));
        }

        if (_job is not null)
        {
            await WaitForJobToStartAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = NowMillis();
        var from = _options.StartAtJobCreation && _job?.Job?.CreatedAt is { } created
            ? Math.Min(created.ToUnixTimeMilliseconds(), now)
            : _options.FromEpochMillis ?? now - (long)TailOptions.DefaultSince.TotalMilliseconds;
        var to = _options.ToEpochMillis ?? now;
        if (from > to)
        {
            throw new LogApiException(ApiFailureKind.BadRequest, $"The start ({Iso(from)}) is after the end ({Iso(to)}); give a start before the end.");
        }

        _cursor = new TailCursor(from, _options.Lookback);
        if (_options.NewestFirst)
        {
            await StartHistoryAsync(from, to, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReadRangeAsync(from, to, live: false, cancellationToken).ConfigureAwait(false);
        }

        if (!_options.Follow)
        {
            await ReadAllHistoryAsync(cancellationToken).ConfigureAwait(false);
            _status.Report(TailState.Ended, $"Read every line from {Iso(from)} to {Iso(to)}.");
            return;
        }

        _status.Live(_clock.GetUtcNow());
        while (true)
        {
            while (!JobFinished())
            {
                await WaitForNextPollAsync(cancellationToken).ConfigureAwait(false);
                var start = Cursor.NextPollStartMillis;
                await ReadRangeAsync(start, Math.Max(start, NowMillis()), live: true, cancellationToken).ConfigureAwait(false);
                _lastLivePollAt = _clock.GetUtcNow();
                _status.Live(_lastLivePollAt.Value);
            }

            // The job is over, but what it logged before the window is still worth having.
            await ReadAllHistoryAsync(cancellationToken).ConfigureAwait(false);
            var job = _job!.Job!;
            var ended = $"Training job {job.Id} {job.ShortStatus} at {StatusReporter.Clock(_status.JobEndedAt ?? _clock.GetUtcNow())}"
                + (job.ErrorMessage is { Length: > 0 } error ? $": {error}" : string.Empty);
            if (_options.Control is not { } control)
            {
                _status.Report(TailState.Ended, ended + ".");
                return;
            }

            _status.Report(TailState.Stopped, ended + "; stopped polling.");
            await control.WaitForResumeAsync(cancellationToken).ConfigureAwait(false);
            // Back on the scheduler: Resume() runs on the caller's thread (the UI's), which must not poll.
            await _scheduler.DelayAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            _status.Report(TailState.Live, $"Resumed: polling training job {job.Id} again although it has ended.", s => s with { LastPollAt = _clock.GetUtcNow() });
        }
    }

    // The deployment's status is read at the start of the wait between polls, so it never delays a log request;
    // the back-fill's pages fill the rest of the wait, one at a time, so a poll waits at most for one page.
    private async Task WaitForNextPollAsync(CancellationToken cancellationToken)
    {
        var wait = _scheduler.DelayAsync(_options.PollInterval, cancellationToken);
        if (_deployment is not null && _deployment.IsDue(_scheduler.Now))
        {
            await CheckDeploymentAsync(_deployment, cancellationToken).ConfigureAwait(false);
        }

        while (HistoryFilling && !wait.IsCompleted)
        {
            await ReadHistoryPageAsync(cancellationToken).ConfigureAwait(false);
        }

        await wait.ConfigureAwait(false);
    }

    private bool JobFinished() =>
        _job is not null && _options.EndWhenJobEnds && _options.Control?.ResumeRequested != true
        && _job.TrailingGraceOver(_scheduler.Now, _options.TrailingLinesGrace);

    private async Task WaitForJobToStartAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await CheckJobAsync(cancellationToken).ConfigureAwait(false);
            if (!job.IsWaiting)
            {
                return;
            }

            _status.Report(
                TailState.WaitingForJob,
                $"Training job {job.Id} is {job.ShortStatus}; tailing starts when it runs (checking every {HumanText.Duration(_options.JobStatusInterval)}).");
            await _scheduler.DelayAsync(_options.JobStatusInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TrainingJobInfo> CheckJobAsync(CancellationToken cancellationToken)
    {
        var job = await CallAsync(ct => _api.GetTrainingJobAsync(_job!.Target, ct), cancellationToken).ConfigureAwait(false);
        if (!_job!.Record(job, _scheduler.Now))
        {
            return job;
        }

        _status.JobStatus = job.ShortStatus;
        _status.JobError = job.ErrorMessage;
        _status.JobEndedAt = job.IsTerminal ? job.UpdatedAt ?? _clock.GetUtcNow() : null;
        if (_status.Current is TailState.Live or TailState.CatchingUp)
        {
            var next = !job.IsTerminal ? "tailing" : _options.EndWhenJobEnds
                ? $"reading trailing lines for {HumanText.Duration(_options.TrailingLinesGrace)}"
                : "still tailing";
            _status.Report(_status.Current.Value, $"Training job {job.Id} is {job.ShortStatus}; {next}.");
        }

        return job;
    }

    // Not through the retry pipeline: a status endpoint in trouble must not hold up the logs; it is read again next interval.
    private async Task CheckDeploymentAsync(DeploymentWatcher watcher, CancellationToken cancellationToken)
    {
        DeploymentInfo? deployment;
        try
        {
            await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            deployment = await _api.GetDeploymentAsync(watcher.Target, cancellationToken).ConfigureAwait(false);
        }
        catch (LogApiException failure) when (failure.IsTransient)
        {
            watcher.Skip(_scheduler.Now);
            return;
        }
        catch (LogApiException failure)
        {
            watcher.GiveUp();
            Warn($"The deployment's status could not be read ({failure.Message.TrimEnd('.')}); logs go on without it.");
            return;
        }

        if (deployment is null)
        {
            watcher.Skip(_scheduler.Now);
            return;
        }

        if (!watcher.Record(deployment, _scheduler.Now))
        {
            return;
        }

        _status.Deployment = deployment;
        if (_status.Current is not TailState.Connecting)
        {
            _status.Republish($"Deployment {deployment.Name} is {deployment.Describe()}.");
        }
    }

    // A live poll leaves its last window open-ended: up to the server's now.
    private async Task ReadRangeAsync(long startMillis, long endMillis, bool live, CancellationToken cancellationToken)
    {
        var windows = ReadWindow.Split(startMillis, endMillis, openEnded: live).ToList();
        for (var i = 0; i < windows.Count; i++)
        {
            var moreWindows = i < windows.Count - 1;
            await foreach (var read in _pager.ReadAsync(windows[i], cancellationToken).ConfigureAwait(false))
            {
                Accept(read, moreWindows, live);
            }
        }
    }

    // Every log request: the job's status first when it is due, then the pace, then the retry pipeline.
    private async Task<LogPage> FetchLogsAsync(LogQuery query, CancellationToken cancellationToken)
    {
        if (_job is not null && _job.IsDue(_scheduler.Now))
        {
            await CheckJobAsync(cancellationToken).ConfigureAwait(false);
        }

        return await CallAsync(ct => _pageLimit.TryAsync((q, c) => _api.GetLogsAsync(_target, q, c), query, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async ct =>
            {
                await _pacer.WaitTurnAsync(ct).ConfigureAwait(false);
                return await call(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Bad entries come back with every re-read of their window: one warning per kind of problem per lookback is
    /// enough ("The API sent 3 messages had invalid text..." would repeat every poll otherwise).
    /// </summary>
    private void WarnAboutDecoding(DecodeReport problems)
    {
        foreach (var (kind, text) in problems.Describe())
        {
            if (_scheduler.Now >= _lastProblemWarningAt.GetValueOrDefault(kind, DateTimeOffset.MinValue) + _options.Lookback)
            {
                _lastProblemWarningAt[kind] = _scheduler.Now;
                Warn($"In the API's answer, {text}.");
            }
        }
    }

    private void Accept(PageRead read, bool moreWindows, bool live)
    {
        WarnAboutDecoding(read.Problems);
        WarnAboutCrowding(read);
        Cursor.Observe(read.Entries, Nanos.FromDateTimeOffset(_clock.GetUtcNow()));
        var fresh = _identities.Admit(read.Entries);
        var horizonMillis = Cursor.NextPollStartMillis;
        // An answer may hold entries up to the screen's tolerance before the window it asked for: they are
        // remembered that much longer, so a repeat of one is recognised until the screen drops it.
        _identities.ForgetBefore(Math.Min(Nanos.FromEpochMillis(horizonMillis) - TimestampScreen.ToleranceNanos, LiveMemoryHeldFromNanos));
        _warnedCrowdedMillis.RemoveWhere(ms => ms < horizonMillis);
        EmitBatch(fresh);

        if (read.MoreToRead || moreWindows)
        {
            // A live poll re-reads its lookback: on a busy target that overlap alone can fill a page, so a second
            // page is the usual, not a backlog. It is catching up only when a page brought new lines that are well
            // behind now; saying so on every poll would be noise (a line each on stderr, a flickering status).
            var now = _clock.GetUtcNow();
            if (!live)
            {
                _status.CatchingUp(now - Nanos.ToDateTimeOffset(Cursor.NewestNanos));
            }
            else if (fresh.Count > 0 && now - Nanos.ToDateTimeOffset(fresh.Max(e => e.TimestampNanos)) is var behind && behind > LiveBacklog)
            {
                _status.CatchingUp(behind);
            }
        }
    }

    private void WarnAboutCrowding(PageRead read)
    {
        if (read is { CrowdedMillis: { } crowded, Gap: { } gap } && _warnedCrowdedMillis.Add(crowded))
        {
            var lines = gap.Lines is { } n ? $"about {n}" : "an unknown number of";
            Warn($"More than {2 * read.PageSize} lines share the millisecond {Iso(crowded)}; the API returns only the first and last "
                + $"{read.PageSize}, so {lines} lines between {IsoNanos(gap.AfterNanos)} and {IsoNanos(gap.BeforeNanos)} may be missing.");
        }
    }

    private void EmitBatch(List<LogEntry> fresh)
    {
        if (fresh.Count > 0)
        {
            var late = _newestEmittedNanos is { } newest ? fresh.Count(e => e.TimestampNanos < newest) : 0;
            _newestEmittedNanos = Math.Max(_newestEmittedNanos ?? long.MinValue, fresh.Max(e => e.TimestampNanos));
            _emit(new TailBatch(fresh, late));
        }
    }

    // How far behind a live poll must be before it counts as catching up: a few polls' worth, at least 10 s.
    private TimeSpan LiveBacklog => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(10).Ticks, 3 * _options.PollInterval.Ticks));

    private void Warn(string message) => _emit(new TailWarning(_clock.GetUtcNow(), message));

    private long NowMillis() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Iso(long epochMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string IsoNanos(long epochNanos) =>
        Nanos.ToDateTimeOffset(epochNanos).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
