using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using LogViewer.Core.Api;
using LogViewer.Core.Filtering;
using LogViewer.Core.Metrics;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Core.Timeline;
using LogViewer.Core.Tracing;
using LogViewer.Core.Watching;
using LogViewer.Tui.Alerts;
using LogViewer.Tui.Charts;
using LogViewer.Tui.Copy;
using LogViewer.Tui.Data;
using LogViewer.Tui.History;
using LogViewer.Tui.Keys;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.Prompt;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.Rules;
using LogViewer.Tui.Session;
using LogViewer.Tui.State;
using LogViewer.Tui.Timeline;
using LogViewer.Tui.Trace;
using LogViewer.Tui.Viewer;
using LogViewer.Tui.Views;
using LogViewer.Tui.Watching;
using LogViewer.Tui.Write;
using Terminal.Gui.App;

namespace LogViewer.Tui.App;

/// <summary>
/// Runs the loop, and only runs it: tail events are ingested into the <see cref="LogStore"/> off the UI thread;
/// everything else arrives on the UI thread as a message (a key, a status, "the view changed" at most a few times a
/// second, a clock tick), goes through <see cref="ViewerReducer.Update"/>, and the effects the reducer asks for
/// are run here; their results come back as messages. The new state is rendered once per message from outside.
/// </summary>
internal sealed class ViewerProgram : IDisposable
{
    /// <summary>How often, at most, new lines reach the screen.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(1);

    private readonly IApplication _app;
    private readonly TuiSession _session;
    private readonly ViewerSchedulers _schedulers;
    private readonly TimeProvider _time;
    private readonly LogStore _store;
    private readonly CatchUpTrim _trim;
    private readonly FilteredView _view;
    private readonly RuleMatchCounts _ruleCounts;
    // The numbers the lines carry (:chart, #): made at the first chart or key completion, which reads the held lines
    // once (about 0.4 s for 1,000,000), then kept up to date batch by batch; a session that never charts pays nothing.
    private MetricIndex? _metrics;
    private readonly CompositeDisposable _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string> _writeToTerminal;
    private readonly Action? _suspend;
    private readonly ErrorSurgeDetector _surges = new();
    private readonly AlertMatcher _alerts = new();
    private int _dispatchDepth;

    // The tail being shown: G after reading far back swaps in a tail from the cut. Events carry their tail's
    // generation; the ingest thread drops those of a replaced tail still queued when it was replaced.
    private readonly BehaviorSubject<(int Generation, IObservable<TailEvent> Events)> _tails;
    private int _tailGeneration;

    /// <summary>The newest re-filter asked of the view; a write waits for it so it holds what the filters show.</summary>
    private Task<bool> _refiltered = Task.FromResult(true);

    /// <param name="app">The application the views run in.</param>
    /// <param name="session">What to show.</param>
    /// <param name="schedulers">Where work runs.</param>
    /// <param name="writeToTerminal">
    /// Raw output to the terminal between frames (the OSC 52 clipboard sequence); the driver's by default.
    /// </param>
    /// <param name="suspend">Ctrl+Z: hands the terminal to the shell and stops until continued (<see cref="JobControl"/>).</param>
    public ViewerProgram(IApplication app, TuiSession session, ViewerSchedulers schedulers, Action<string>? writeToTerminal = null, Action? suspend = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(schedulers);
        _app = app;
        _writeToTerminal = writeToTerminal ?? (text => app.Driver?.WriteRaw(text));
        _suspend = suspend;
        _session = session;
        _schedulers = schedulers;
        _time = session.TimeProvider ?? TimeProvider.System;
        _trim = new CatchUpTrim(_time);
        _store = session.Store ?? new LogStore(session.MaxLines);
        _view = new FilteredView(_store, session.BaseFilter, schedulers.Background);
        _ruleCounts = new RuleMatchCounts(_store, schedulers.Background);

        Root = new ViewerRoot(session.Title, _time.LocalTimeZone);
        Root.Dispatched += Dispatch;
        _subscriptions.Add(EscapePrefix.Attach(app.Keyboard));
        State = new ViewerState
        {
            TimeFormat = session.Utc ? TimeFormat.UtcIso : TimeFormat.LocalTime,
            Now = _time.GetUtcNow(),
            Target = session.Target,
            LocalZone = _time.LocalTimeZone,
            MouseEnabled = session.Mouse,
            MessageColours = session.MessageColours,
            Lifecycle = LifecycleState.None with { CanGoBack = session.CanGoBack, Zone = session.Utc ? TimeZoneInfo.Utc : _time.LocalTimeZone },
            Watch = new WatchState { Name = WatchReducer.ShortName(session.Title), SetsTitle = session.SetsTitle, Mode = session.Notify, Style = session.TerminalStyle },
            Older = session.ReadOlder is null ? OlderLinesState.Unavailable : new OlderLinesState { Available = true },
        };
        MouseReporting.Apply(app, session.Mouse);
        _tails = new BehaviorSubject<(int, IObservable<TailEvent>)>((0, session.Events));
    }

    public ViewerRoot Root { get; }

    public ViewerState State { get; private set; }

    /// <summary>The terminal title the viewer keeps (<c>null</c> with <c>--no-title</c>): job control gives it back while stopped.</summary>
    public TitleStack? Title { get; private set; }

    /// <summary>The user pressed p to go back to the picker.</summary>
    public bool BackRequested { get; private set; }

    /// <summary>Subscribes to the session's events and shows the first screen.</summary>
    public void Start()
    {
        if (State.Watch.SetsTitle)
        {
            // The terminal keeps the user's title on its stack; Dispose gives it back (also after a crash, via
            // TuiApp's finally), and job control gives it back while the viewer is stopped.
            Title = new TitleStack();
            _writeToTerminal(Title.Push(State.Watch.Name));
        }

        var events = _tails
            .Select(tail => tail.Events.Select(e => (tail.Generation, Event: e)))
            .Switch()
            .ObserveOn(_schedulers.Ingest)
            .Where(tagged => tagged.Generation == _tailGeneration)
            .Select(tagged => tagged.Event)
            .Do(e =>
            {
                if (e is TailBatch batch)
                {
                    _store.Add(batch.Entries);
                    _trim.OnBatch(batch.Entries.Count);
                }
            })
            .Publish();

        var viewChanged = Observable.FromEventPattern(h => _view.Changed += h, h => _view.Changed -= h)
            .Merge(Observable.FromEventPattern(h => _ruleCounts.Changed += h, h => _ruleCounts.Changed -= h))
            .Coalesce(RefreshInterval, _schedulers.Timer)
            .Select(_ => (ViewerAction)new ViewChanged());
        var clock = Observable.Interval(ClockInterval, _schedulers.Timer)
            .Select(_ => (ViewerAction)new ClockTick(_time.GetUtcNow()));
        var statuses = events
            .Where(e => e is TailStatus or TailWarning)
            .Select(e => e is TailStatus status ? (ViewerAction)new TailStatusChanged(status) : new TailWarningReceived((TailWarning)e));

        // The error-surge rule reads each batch on the ingest thread, where the batches arrive in order.
        var surges = State.Watch.Mode is NotifyMode.Errors or NotifyMode.Always
            ? events.OfType<TailBatch>().SelectMany(batch => _surges.Observe(batch.Entries, _time.GetUtcNow())).Select(s => (ViewerAction)new ErrorSurgeSeen(s))
            : Observable.Empty<ViewerAction>();

        // Alert rules read every event on the ingest thread too: a batch is news once the tail has gone live.
        var alerts = events
            .Select(_alerts.Observe)
            .Where(matches => matches.Count > 0)
            .Select(matches => (ViewerAction)new AlertsMatched(_time.GetUtcNow(), matches));

        _subscriptions.Add(
            Observable.Merge(statuses, viewChanged, clock, surges, alerts)
                .ObserveOn(_schedulers.Ui)
                .Subscribe(Dispatch, OnEventsFailed));
        foreach (var pattern in _session.Alerts)
        {
            Dispatch(new AddAlert(pattern));
        }

        _subscriptions.Add(events.Connect());
        foreach (var action in SessionRestore.Actions(_session))
        {
            Dispatch(action);
        }

        Dispatch(new ViewChanged());
    }

    /// <summary>On the UI thread: reduces one message, runs the effects it asked for, then renders.</summary>
    public void Dispatch(ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var update = ViewerReducer.Update(State, action);
        State = update.State;
        _dispatchDepth++;
        try
        {
            foreach (var effect in update.Effects.IsDefault ? [] : update.Effects)
            {
                Run(effect);
            }
        }
        finally
        {
            _dispatchDepth--;
        }

        // An effect's answer is dispatched from inside Run; the screen is drawn once, for the final state.
        if (_dispatchDepth == 0)
        {
            Root.Render(State);
        }
    }

    /// <summary>What to remember for this target: the rules, level, hidden replicas and view toggles.</summary>
    public SavedSession ToSavedSession() => SessionRestore.Save(State, _session);

    public void Dispose()
    {
        try
        {
            _session.Remember?.Invoke(ToSavedSession());
            _stopping.Cancel();
            _ruleCounts.Dispose();
            _metrics?.Dispose();
            _subscriptions.Dispose();
        }
        finally
        {
            // The user's title comes back whatever failed above: Dispose also runs on the way out of a crash.
            if (Title is { } title)
            {
                _writeToTerminal(title.End());
            }

            _view.Dispose();
            _stopping.Dispose();
        }
    }

    private void Run(ViewerEffect effect)
    {
        switch (effect)
        {
            case Refilter refilter:
                // The view cancels the previous re-filter itself; its Changed event brings the result back as ViewChanged.
                _refiltered = _view.SetFilterAsync(_session.BaseFilter is { } baseFilter ? baseFilter.And(refilter.Filter) : refilter.Filter, _stopping.Token);
                break;
            case ReadView:
                Dispatch(ReadViewNow());
                break;
            case Quit:
                _app.RequestStop();
                break;
            case CountRules count:
                _ruleCounts.Track(count.Patterns);
                break;
            case RunServerSearch search:
                StartServerSearch(search);
                break;
            case FetchRequestTrace trace:
                StartTrace(trace.RequestId);
                break;
            case RemoveSavedSession:
                var removed = _session.ForgetSaved?.Invoke() ?? false;
                Dispatch(new SessionNotice(removed ? "forgot the saved session: starting clean" : "no saved session for this target: starting clean"));
                break;
            case ReadOlderLines:
                StartReadingOlder();
                break;
            case ReadAround around:
                StartReadingAround(around.TimeNanos);
                break;
            case ReadIntoGap gap:
                StartReadingGap(gap.Gap);
                break;
            case FollowLiveAgain again:
                FollowFromCut(again.CutNanos);
                break;
            case ResumeTailing:
                _session.Control?.Resume();
                break;
            case ReturnToPicker:
                BackRequested = true;
                _app.RequestStop();
                break;
            case CopyToClipboard copy:
                _writeToTerminal(Osc52.Encode(copy.Text));
                break;
            case CompleteInPrompt complete:
                var context = PromptContext.Of(State) with { MetricKeys = [.. Metrics.Keys.Select(k => k.Key)] };
                var (text, hint) = PromptCompletion.Complete(complete.Text, Environment.CurrentDirectory, context);
                Dispatch(new PromptCompleted(text, hint));
                break;
            case WriteEntries write:
                // The file holds what the filters in force when the user asked show, so the write waits for their
                // re-filter (still running over a big or fast-growing store) and takes the view's newest snapshot,
                // not the rows the screen drew last.
                var zone = State.LocalZone;
                _ = _refiltered.ContinueWith(
                    _ => _schedulers.Background.Schedule(() =>
                    {
                        var finished = ViewFileWriter.Write(write with { Rows = new SnapshotRows(_view.Current) }, zone, _stopping.Token);
                        _schedulers.Ui.Schedule(() => Dispatch(finished));
                    }),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                break;
            case SuspendToShell:
                _suspend?.Invoke();
                break;
            case ReadMetrics read:
                Dispatch(ReadMetricsNow(read.Key));
                break;
            case SetMouseReporting mouse:
                MouseReporting.Apply(_app, mouse.On);
                break;
            case SetTerminalTitle title:
                if (Title is { } stack)
                {
                    _writeToTerminal(stack.Set(title.Text));
                }

                break;
            case WatchAlerts watch:
                _alerts.Watch(watch.Patterns);
                break;
            case CountTimeline count:
                CountTimelineOffThread(count.Request);
                break;
            case SendNotification notification:
                _writeToTerminal(TerminalSequences.Notification(notification.Title, notification.Body, State.Watch.Style));
                break;
            default:
                throw new InvalidOperationException($"No runner for the effect {effect.GetType().Name}.");
        }
    }

    /// <summary>The count runs on the pool (about 10 ms for 1,000,000 lines); the reducer keeps at most one running.</summary>
    private void CountTimelineOffThread(TimelineRequest request)
    {
        _schedulers.Background.Schedule(() =>
        {
            TimelineHistogram histogram;
            try
            {
                histogram = request.Rows is SnapshotRows rows ? TimelineCounter.Count(rows.Snapshot, request.Columns, request.Offset, _stopping.Token) : TimelineHistogram.Empty;
            }
            catch (OperationCanceledException)
            {
                return; // the viewer is closing
            }

            _schedulers.Ui.Schedule(() => Dispatch(new TimelineCounted(request, histogram)));
        });
    }

    private void StartReadingOlder()
    {
        if (_session.ReadOlder is { } read)
        {
            ReadIntoStore(HeldBoundary, (boundary, ct) => read(boundary.Oldest, boundary.Held, null, [], ct), (_, page) =>
            {
                _store.AddOlder(page.Entries);
                var held = _store.Current;
                return new OlderLinesRead(page.Exhausted, page.FloorMillis, held.Count == 0 ? null : held.TimestampAt(0), held.CutNanos);
            });
        }
    }

    // :goto far back: one page there, added below what is held, with the gap between them estimated from its rate.
    private void StartReadingAround(long timeNanos)
    {
        if (_session.ReadAround is { } read)
        {
            ReadIntoStore(HeldBoundary, (boundary, ct) => read(timeNanos, boundary.Oldest, boundary.Held, ct), (boundary, page) =>
            {
                _store.AddOlder(page.Entries);
                HistoryGap? gap = null;
                if (page.GapFromMillis is { } from && boundary.Oldest is { } upper && page.Entries.Count > 0)
                {
                    var seconds = Math.Max(1e-3, (page.Entries[^1].TimestampNanos - page.Entries[0].TimestampNanos) / 1e9);
                    gap = new HistoryGap(from, upper, page.Entries.Count / seconds);
                }

                return new AroundRead(page.Entries.Count, page.Entries.Count > 0 ? page.Entries[0].TimestampNanos : null, gap, page.FloorMillis, _store.Current.CutNanos);
            });
        }
    }

    // A gap's newest page: below the held line at its top, down to the page read far back.
    private void StartReadingGap(HistoryGap gap)
    {
        if (_session.ReadOlder is { } read)
        {
            ReadIntoStore(() => GapBoundary(gap), (boundary, ct) => read(boundary.Upper, boundary.HeldAtUpper, gap.FromMillis, boundary.HeldAtFrom, ct), (_, page) =>
            {
                _store.AddOlder(page.Entries);
                var left = page.Exhausted ? null : page.Entries.Count > 0 ? gap with { UpperNanos = page.Entries[0].TimestampNanos } : gap;
                return new GapPageRead(left, _store.Current.CutNanos);
            });
        }
    }

    /// <summary>
    /// One read of history into the store: the boundary is taken, and the page added, on the ingest thread (the
    /// store's only writer); the read runs on the pool; the answer (or why it failed) comes back to the UI.
    /// </summary>
    private void ReadIntoStore<TBoundary, TPage>(Func<TBoundary> boundary, Func<TBoundary, CancellationToken, Task<TPage>> read, Func<TBoundary, TPage, ViewerAction> add)
    {
        var added = Observable.Start(boundary, _schedulers.Ingest)
            .SelectMany(at => Observable.FromAsync(ct => read(at, ct)).Select(page => (at, page)))
            .ObserveOn(_schedulers.Ingest)
            .Select(done => add(done.at, done.page))
            .Catch<ViewerAction, Exception>(error => Observable.Return<ViewerAction>(new OlderLinesFailed(Reason(error))))
            .ObserveOn(_schedulers.Ui);
        _subscriptions.Add(added.Subscribe(Dispatch, OnEventsFailed));
    }

    private static string Reason(Exception error) => error switch
    {
        LogApiException api => api.Message.TrimEnd('.'),
        _ => error.Message.TrimEnd('.'),
    };

    // The held lines on both sides of a gap: the top line's millisecond above it, the gap's first millisecond below.
    private (long Upper, IReadOnlyList<LogEntry> HeldAtUpper, IReadOnlyList<LogEntry> HeldAtFrom) GapBoundary(HistoryGap gap)
    {
        var held = MakeRoomForAPage();
        var upper = held.TimestampAt(Math.Min(held.LowerBound(gap.UpperNanos), held.Count - 1));
        var upperMillis = Nanos.ToEpochMillis(upper);

        // A gap that has shrunk to one millisecond: its held lines are one set, counted once.
        return (upper, LinesOfMillisecond(held, upperMillis), upperMillis == gap.FromMillis ? [] : LinesOfMillisecond(held, gap.FromMillis));
    }

    /// <summary>The oldest held line and the lines of its millisecond.</summary>
    private (long? Oldest, IReadOnlyList<LogEntry> Held) HeldBoundary()
    {
        var held = MakeRoomForAPage();
        if (held.Count == 0)
        {
            return (null, []);
        }

        var oldest = held.TimestampAt(0);
        return (oldest, LinesOfMillisecond(held, Nanos.ToEpochMillis(oldest)));
    }

    /// <summary>
    /// The store, cut at its newest millisecond first when the next page may not fit: otherwise live lines arriving
    /// while the page is read would evict the lines it must join.
    /// </summary>
    private LogSnapshot MakeRoomForAPage()
    {
        if (_store.Current.Count + LogQuery.MaxLimit > _store.Capacity)
        {
            _store.CutAfterNewest();
        }

        return _store.Current;
    }

    // The held lines of one millisecond: a read ending or starting there brings them again.
    private static List<LogEntry> LinesOfMillisecond(LogSnapshot held, long millis)
    {
        var lines = new List<LogEntry>();
        for (var i = held.LowerBound(Nanos.FromEpochMillis(millis)); i < held.Count && held.TimestampAt(i) < Nanos.FromEpochMillis(millis + 1); i++)
        {
            lines.Add(held.GetRow(i).ToLogEntry());
        }

        return lines;
    }

    // G after a cut: the store takes the newest lines again and a new tail reads them from the cut's millisecond.
    private void FollowFromCut(long cutNanos)
    {
        if (_session.TailFrom is not { } tailFrom)
        {
            Dispatch(new SessionNotice("the live end cannot be read again here"));
            return;
        }

        var generation = _tails.Value.Generation + 1;
        _schedulers.Ingest.Schedule(() =>
        {
            _tailGeneration = generation;
            _store.ClearCut();
        });
        _tails.OnNext((generation, tailFrom(Nanos.ToEpochMillis(cutNanos))));
    }

    private void StartServerSearch(RunServerSearch search)
    {
        if (_session.SearchServer is not { } run)
        {
            Dispatch(new ServerSearchEnded("the server search is not available here"));
            return;
        }

        // The search runs on the pool; the join runs on the ingest thread, the store's only writer; the answer comes back to the UI.
        var joined = Observable.FromAsync(ct => run(search.Filters, search.Duration, ct))
            .ObserveOn(_schedulers.Ingest)
            .Select(result => (Result: result, LoadedFrom: OldestHeldNanos(), Added: SearchJoin.Join(_store, result.Entries, HorizonNanos())))
            .Select(found => (ViewerAction)new ServerSearchEnded(
                ServerSearchMessages.Found(found.Result, found.Added.Count),
                found.LoadedFrom is { } from && found.Added.Count > 0 && found.Added[0].TimestampNanos < from ? from : null))
            .Catch<ViewerAction, Exception>(error => Observable.Return<ViewerAction>(new ServerSearchEnded(ServerSearchMessages.Failed(error))))
            .ObserveOn(_schedulers.Ui);
        _subscriptions.Add(joined.Subscribe(Dispatch, OnEventsFailed));
    }

    private void StartTrace(string requestId)
    {
        // The held lines at once (all of them, whatever the filters show); then the server's, merged exactly once.
        List<LogEntry> held;
        using (var view = new FilteredView(_store, new RequestIdFilter(requestId), ImmediateScheduler.Instance))
        {
            var lines = view.Current;
            held = [.. Enumerable.Range(0, lines.Count).Select(i => lines.GetRow(i).ToLogEntry())];
        }

        var heldNote = $"{held.Count:N0} held line{(held.Count == 1 ? string.Empty : "s")}";
        if (_session.TraceRequest is not { } fetch)
        {
            Dispatch(new TraceLoaded(requestId, held, true, heldNote + " (the server is not asked for training jobs and replayed files)"));
            return;
        }

        Dispatch(new TraceLoaded(requestId, held, false, heldNote + "; asking the server for the rest of the request..."));
        var merged = Observable.FromAsync(ct => fetch(requestId, ct))
            .Select(result =>
            {
                var (lines, added) = RequestTraceMerge.Merge(held, result.Entries);
                var note = $"{held.Count:N0} held, {added:N0} more from the server ({result.Entries.Count:N0} lines of this request over the last {DurationSyntax.Format(TimeSpan.FromMilliseconds(result.ToEpochMillis - result.FromEpochMillis))})";
                return (ViewerAction)new TraceLoaded(requestId, lines, true, result.HitLimit ? note + "; stopped at the search limit" : note);
            })
            .Catch<ViewerAction, Exception>(error => Observable.Return<ViewerAction>(
                new TraceLoaded(requestId, held, true, heldNote + "; " + ServerSearchMessages.Failed(error).Replace("server search", "the server", StringComparison.Ordinal), Failed: true)))
            .ObserveOn(_schedulers.Ui);
        _subscriptions.Add(merged.Subscribe(Dispatch, OnEventsFailed));
    }

    private long? OldestHeldNanos()
    {
        var held = _store.Current;
        return held.Count == 0 ? null : held.TimestampAt(0);
    }

    // Lines within one lookback of the newest held line are the live tail's: it re-reads them and would bring them twice.
    private long HorizonNanos()
    {
        var held = _store.Current;
        return held.Count == 0 ? long.MaxValue : held.TimestampAt(held.Count - 1) - (long)(_session.Lookback.TotalMilliseconds * 1_000_000);
    }

    // A live tail's rate is over the minute before now, so a target that goes quiet falls to 0/s; a replay's, a
    // closed range's, a catch-up's or an ended job's is over the minute before its newest line: the rate it logged at.
    private long? RateWindowEnd(DateTimeOffset now) =>
        State.TailStatus is { State: TailState.Live or TailState.Retrying } status && status.History?.ClosedRange != true
            ? Nanos.FromDateTimeOffset(now)
            : null;

    private DataChanged ReadViewNow()
    {
        var now = _time.GetUtcNow();
        var snapshot = _view.Current;
        var rows = State.Rows is SnapshotRows current && ReferenceEquals(current.Snapshot, snapshot) ? current : new SnapshotRows(snapshot);
        var counts = new Dictionary<Core.Rules.RulePattern, int>();
        foreach (var pattern in RuleReducer.CountedPatterns(State.Rules))
        {
            if (_ruleCounts.CountOf(pattern) is { } count)
            {
                counts[pattern] = count;
            }
        }

        if (!counts.OrderBy(p => p.Key.Display, StringComparer.Ordinal).SequenceEqual(State.Panel.Counts.OrderBy(p => p.Key.Display, StringComparer.Ordinal)))
        {
            Dispatch(new RuleCountsRead(counts));
        }

        return new DataChanged(rows, FiguresTracker.Measure(snapshot, RateWindowEnd(now))) { Now = now };
    }

    // UI thread only: the effects that need it run there.
    private MetricIndex Metrics => _metrics ??= new MetricIndex(_store);

    /// <summary>The key's chart, found case-insensitively when no key is spelled exactly so.</summary>
    private MetricsRead ReadMetricsNow(string? key)
    {
        var keys = Metrics.Keys;
        if (key is null)
        {
            return new MetricsRead(null, null, keys);
        }

        var chart = Metrics.Read(key);
        if (chart is null && keys.Where(k => string.Equals(k.Key, key, StringComparison.OrdinalIgnoreCase)).ToList() is [var only])
        {
            chart = Metrics.Read(only.Key);
        }

        return new MetricsRead(key, chart, keys);
    }

    private void OnEventsFailed(Exception error)
    {
        // The tail engine reports failures as Fatal statuses; an exception here is a bug, shown rather than lost.
        Dispatch(new TailStatusChanged(new TailStatus(TailState.Fatal, _time.GetUtcNow(), error.Message)));
    }
}
