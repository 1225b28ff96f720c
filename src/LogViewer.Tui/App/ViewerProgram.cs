using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using LogViewer.Core.Tail;
using LogViewer.Tui.Data;
using LogViewer.Tui.State;
using LogViewer.Tui.Views;
using Terminal.Gui.App;

namespace LogViewer.Tui.App;

/// <summary>
/// Wires the loop: tail events are ingested off the UI thread; a coalesced notification (a few per second at
/// most) and a one-second clock reach the UI thread as actions; every action goes through
/// <see cref="ViewerReducer.Update"/> and the new state is rendered. A filter change starts a re-filter off the
/// UI thread; a newer one cancels it.
/// </summary>
internal sealed class ViewerProgram : IDisposable
{
    /// <summary>How often, at most, new lines reach the screen.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ClockInterval = TimeSpan.FromSeconds(1);

    private readonly IApplication _app;
    private readonly TuiSession _session;
    private readonly TimeProvider _time;
    private readonly FilteredLog _log;
    private readonly Subject<RowFilter> _filterRequests = new();
    private readonly CompositeDisposable _subscriptions = [];
    private RowFilter _requestedFilter = RowFilter.All;

    public ViewerProgram(IApplication app, TuiSession session)
    {
        _app = app;
        _session = session;
        _time = session.TimeProvider ?? TimeProvider.System;
        _log = new FilteredLog(session.MaxLines);
        Root = new ViewerRoot(session.Title, _log, _time.LocalTimeZone);
        Root.Dispatched += Dispatch;
        State = new ViewerState
        {
            TimeFormat = session.Utc ? TimeFormat.UtcIso : TimeFormat.LocalTime,
            Now = _time.GetUtcNow(),
        };
        if (!string.IsNullOrEmpty(session.InitialFilter))
        {
            State = ViewerReducer.Update(State, new FilterTextChanged(session.InitialFilter), _log);
        }
    }

    public ViewerRoot Root { get; }

    public ViewerState State { get; private set; }

    internal FilteredLog Log => _log;

    /// <summary>The fatal status the tail ended with, if it did.</summary>
    public TailStatus? FatalStatus => State.TailStatus is { State: TailState.Fatal } fatal ? fatal : null;

    /// <summary>
    /// Subscribes to the session's events. <paramref name="ingest"/> runs ingestion and re-filters (a background
    /// thread in the app), <paramref name="timer"/> drives sampling and the clock, <paramref name="ui"/> reaches
    /// the UI thread; tests pass immediate and virtual-time schedulers.
    /// </summary>
    public void Start(IScheduler ingest, IScheduler timer, IScheduler ui)
    {
        var events = _session.Events
            .ObserveOn(ingest)
            .Do(Ingest)
            .Publish();

        var dataChanged = events.OfType<TailBatch>().Select(_ => Unit.Default)
            .Sample(RefreshInterval, timer);
        var statuses = events
            .Where(e => e is TailStatus or TailWarning)
            .Select(e => e is TailStatus status ? (ViewerAction)new TailStatusChanged(status) : new TailWarningReceived((TailWarning)e));
        var clock = Observable.Interval(ClockInterval, timer).Select(_ => Unit.Default);

        _subscriptions.Add(
            Observable.Merge(statuses.Select(a => (ViewerAction?)a), dataChanged.Merge(clock).Select(_ => (ViewerAction?)null))
                .ObserveOn(ui)
                .Subscribe(OnEvent, OnEventsFailed));

        _subscriptions.Add(
            _filterRequests
                .Select(filter => Refiltered(filter, ingest))
                .Switch()
                .Where(applied => applied)
                .ObserveOn(ui)
                .Subscribe(_ => Refresh(), OnEventsFailed));

        _subscriptions.Add(events.Connect());
        RequestFilterIfChanged();
    }

    /// <summary>
    /// Applies a filter on <paramref name="scheduler"/>; unsubscribing (Switch does it when a newer filter comes)
    /// cancels it. Ingestion shares the scheduler, so batches and re-filters never interleave.
    /// </summary>
    private IObservable<bool> Refiltered(RowFilter filter, IScheduler scheduler) =>
        Observable.Create<bool>(observer =>
        {
            var cancellation = new CancellationDisposable();
            var work = scheduler.Schedule(() =>
            {
                observer.OnNext(_log.ApplyFilter(filter, cancellation.Token));
                observer.OnCompleted();
            });
            return new CompositeDisposable(cancellation, work);
        });

    public void Dispatch(ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        State = ViewerReducer.Update(State, action, _log);
        RequestFilterIfChanged();
        Root.Render(State);
        if (State.QuitRequested)
        {
            _app.RequestStop();
        }
    }

    public void Dispose()
    {
        _subscriptions.Dispose();
        _filterRequests.Dispose();
    }

    private void Ingest(TailEvent tailEvent)
    {
        if (tailEvent is TailBatch batch && batch.Entries.Count > 0)
        {
            _log.Add(batch.Entries, _time.GetUtcNow().ToUnixTimeSeconds());
        }
    }

    /// <summary>On the UI thread: a status or warning (non-null), or "the data or the clock moved" (null).</summary>
    private void OnEvent(ViewerAction? action)
    {
        if (action is not null)
        {
            Dispatch(action);
            return;
        }

        Refresh();
    }

    private void Refresh()
    {
        var now = _time.GetUtcNow();
        if (now != State.Now)
        {
            State = ViewerReducer.Update(State, new ClockTick(now), _log);
        }

        Dispatch(new DataChanged(_log.Figures(now.ToUnixTimeSeconds())));
    }

    private void OnEventsFailed(Exception error)
    {
        // The tail engine reports failures as Fatal statuses; an exception here is a bug, shown rather than lost.
        Dispatch(new TailStatusChanged(new TailStatus(TailState.Fatal, _time.GetUtcNow(), error.Message)));
    }

    private void RequestFilterIfChanged()
    {
        var wanted = RowFilter.From(State);
        if (!wanted.SelectsSameAs(_requestedFilter))
        {
            _requestedFilter = wanted;
            _filterRequests.OnNext(wanted);
        }
    }
}
