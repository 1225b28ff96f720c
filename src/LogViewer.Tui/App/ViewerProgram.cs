using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using LogViewer.Core.Filtering;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Tui.Copy;
using LogViewer.Tui.Data;
using LogViewer.Tui.Prompt;
using LogViewer.Tui.State;
using LogViewer.Tui.Views;
using LogViewer.Tui.Write;
using Terminal.Gui.App;

namespace LogViewer.Tui.App;

/// <summary>
/// Wires the loop: tail events are ingested into the <see cref="LogStore"/> off the UI thread; the filtered
/// view's changes are coalesced (a few per second at most) and, with a one-second clock, reach the UI thread
/// as a new immutable snapshot; every action goes through <see cref="ViewerReducer.Update"/> and the new state
/// is rendered. A filter change re-filters through the view off the UI thread; a newer one cancels it.
/// </summary>
internal sealed class ViewerProgram : IDisposable
{
    /// <summary>How often, at most, new lines reach the screen.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(1);

    private readonly IApplication _app;
    private readonly TuiSession _session;
    private readonly TimeProvider _time;
    private readonly LogStore _store;
    private readonly FilteredView _view;
    private readonly FiguresTracker _figures = new();
    private readonly CompositeDisposable _subscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string> _writeToTerminal;
    private LogFilter _requestedFilter = LogFilter.All;
    private IScheduler _ui = ImmediateScheduler.Instance;

    /// <param name="app">The application the views run in.</param>
    /// <param name="session">What to show.</param>
    /// <param name="writeToTerminal">
    /// Raw output to the terminal, between frames (the OSC 52 clipboard sequence); the driver's by default.
    /// </param>
    public ViewerProgram(IApplication app, TuiSession session, Action<string>? writeToTerminal = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(session);
        _app = app;
        _writeToTerminal = writeToTerminal ?? (text => app.Driver?.WriteRaw(text));
        _session = session;
        _time = session.TimeProvider ?? TimeProvider.System;
        _store = new LogStore(session.MaxLines);
        _view = new FilteredView(_store);
        Root = new ViewerRoot(session.Title, _time.LocalTimeZone);
        Root.Dispatched += Dispatch;
        State = new ViewerState
        {
            TimeFormat = session.Utc ? TimeFormat.UtcIso : TimeFormat.LocalTime,
            Now = _time.GetUtcNow(),
            LocalZone = _time.LocalTimeZone,
        };
        if (!string.IsNullOrEmpty(session.InitialFilter))
        {
            State = ViewerReducer.Update(State, new FilterTextChanged(session.InitialFilter));
        }
    }

    public ViewerRoot Root { get; }

    public ViewerState State { get; private set; }

    /// <summary>The re-filter last started; completes when the view shows it (tests wait on it).</summary>
    public Task<bool> FilterApplied { get; private set; } = Task.FromResult(true);

    /// <summary>The background effect last started (a <c>:write</c>); completes when its outcome was dispatched.</summary>
    public Task EffectsDone { get; private set; } = Task.CompletedTask;

    /// <summary>The fatal status the tail ended with, if it did.</summary>
    public TailStatus? FatalStatus => State.TailStatus is { State: TailState.Fatal } fatal ? fatal : null;

    /// <summary>
    /// Subscribes to the session's events. <paramref name="ingest"/> runs ingestion (a background thread in the
    /// app), <paramref name="timer"/> drives coalescing and the clock, <paramref name="ui"/> reaches the UI
    /// thread; tests pass immediate and virtual-time schedulers.
    /// </summary>
    public void Start(IScheduler ingest, IScheduler timer, IScheduler ui)
    {
        ArgumentNullException.ThrowIfNull(ui);
        _ui = ui;
        var events = _session.Events
            .ObserveOn(ingest)
            .Do(e =>
            {
                if (e is TailBatch batch)
                {
                    _store.Add(batch);
                }
            })
            .Publish();

        var viewChanged = Observable.FromEventPattern(h => _view.Changed += h, h => _view.Changed -= h)
            .Select(_ => Unit.Default)
            .Sample(RefreshInterval, timer);
        var clock = Observable.Interval(ClockInterval, timer).Select(_ => Unit.Default);
        var statuses = events
            .Where(e => e is TailStatus or TailWarning)
            .Select(e => e is TailStatus status ? (ViewerAction)new TailStatusChanged(status) : new TailWarningReceived((TailWarning)e));

        _subscriptions.Add(
            Observable.Merge(statuses.Select(a => (ViewerAction?)a), viewChanged.Merge(clock).Select(_ => (ViewerAction?)null))
                .ObserveOn(ui)
                .Subscribe(OnEvent, OnEventsFailed));
        _subscriptions.Add(events.Connect());
        RequestFilterIfChanged();
        Refresh();
    }

    public void Dispatch(ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        State = ViewerReducer.Update(State, action);
        var effects = State.Effects;
        RequestFilterIfChanged();
        Root.Render(State);
        if (State.QuitRequested)
        {
            _app.RequestStop();
        }

        foreach (var effect in effects)
        {
            Run(effect);
        }
    }

    /// <summary>Does what the reducer asked; outcomes come back through <see cref="Dispatch"/> on the UI thread.</summary>
    private void Run(ViewerEffect effect)
    {
        switch (effect)
        {
            case CopyToClipboard copy:
                _writeToTerminal(Osc52.Encode(copy.Text));
                break;
            case CompleteInPrompt complete:
                var (text, hint) = PromptCompletion.Complete(complete.Text, Environment.CurrentDirectory);
                Dispatch(new PromptCompleted(text, hint));
                break;
            case WriteEntries write:
                EffectsDone = Task.Run(async () =>
                {
                    var finished = await ViewFileWriter.WriteAsync(write, State.LocalZone, _stopping.Token).ConfigureAwait(false);
                    _ui.Schedule(() => Dispatch(finished));
                });
                break;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _subscriptions.Dispose();
        _view.Dispose();
        _stopping.Dispose();
    }

    /// <summary>On the UI thread: a status or warning (non-null), or "the view or the clock moved" (null).</summary>
    private void OnEvent(ViewerAction? action)
    {
        if (action is not null)
        {
            Dispatch(action);
            return;
        }

        Refresh();
    }

    /// <summary>Takes the view's latest snapshot and the clock into the state.</summary>
    private void Refresh()
    {
        var now = _time.GetUtcNow();
        if (now != State.Now)
        {
            State = ViewerReducer.Update(State, new ClockTick(now));
        }

        var snapshot = _view.Current;
        var rows = State.Rows is SnapshotRows current && ReferenceEquals(current.Snapshot, snapshot) ? current : new SnapshotRows(snapshot);
        Dispatch(new DataChanged(rows, _figures.Measure(snapshot, now.ToUnixTimeSeconds())));
    }

    private void OnEventsFailed(Exception error)
    {
        // The tail engine reports failures as Fatal statuses; an exception here is a bug, shown rather than lost.
        Dispatch(new TailStatusChanged(new TailStatus(TailState.Fatal, _time.GetUtcNow(), error.Message)));
    }

    private void RequestFilterIfChanged()
    {
        var wanted = ViewFilter.From(State);
        if (!wanted.Equals(_requestedFilter))
        {
            // The view cancels the previous re-filter itself; its Changed event brings the result to the screen.
            _requestedFilter = wanted;
            FilterApplied = _view.SetFilterAsync(wanted, _stopping.Token);
        }
    }
}
