using System.Reactive.Concurrency;
using System.Reactive.Linq;
using LogViewer.Core.Api;
using LogViewer.Core.Catalog;
using Terminal.Gui.App;

namespace LogViewer.Tui.Picker;

/// <summary>
/// Runs the picker's loop: keys and the listing's answers arrive on the UI thread as messages, go through
/// <see cref="PickerReducer.Update"/>, and the effects it asks for run here (the listing is read off the UI thread
/// and comes back as a message). <see cref="Chosen"/> says how the picker was left: a row to open, or null to quit.
/// </summary>
internal sealed class PickerProgram : IDisposable
{
    private readonly IApplication _app;
    private readonly PickerSession _session;
    private readonly IScheduler _ui;
    private readonly Action _suspend;
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _loading;

    // suspend: Ctrl+Z, which hands the terminal to the shell and stops until continued (JobControl).
    public PickerProgram(IApplication app, PickerSession session, IScheduler ui, Action? suspend = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        _app = app;
        _session = session;
        _ui = ui;
        _suspend = suspend ?? (() => { });
        Root = new PickerView(session.Source);
        Root.Dispatched += Dispatch;
    }

    public PickerView Root { get; }

    public PickerState State { get; private set; } = new();

    /// <summary>The row Enter chose, or null when the user quit.</summary>
    public PickerItem? Chosen { get; private set; }

    /// <summary>Shows the first screen and reads the listing (or shows why it cannot).</summary>
    public void Start()
    {
        Dispatch(_session.Directory is null ? new ListingFailed(_session.Unavailable ?? "no API connection.") : new RefreshListing());
    }

    /// <summary>Before the picker is shown again: forget the last choice, keep the listing and the query.</summary>
    public void Reset() => Chosen = null;

    public void Dispatch(PickerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var update = PickerReducer.Update(State, message);
        State = update.State;
        foreach (var effect in update.Effects.IsDefault ? [] : update.Effects)
        {
            Run(effect);
        }

        Root.Render(State);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _loading?.Dispose();
        _stopping.Dispose();
    }

    private void Run(PickerEffect effect)
    {
        switch (effect)
        {
            case LoadListing:
                Load();
                break;
            case OpenTarget open:
                Chosen = open.Item;
                _app.RequestStop();
                break;
            case SuspendPickerToShell:
                _suspend();
                break;
            case LeavePicker:
                Chosen = null;
                _app.RequestStop();
                break;
            default:
                throw new InvalidOperationException($"No runner for the effect {effect.GetType().Name}.");
        }
    }

    private void Load()
    {
        if (_session.Directory is not { } directory)
        {
            Dispatch(new ListingFailed(_session.Unavailable ?? "no API connection."));
            return;
        }

        var time = _session.TimeProvider ?? TimeProvider.System;
        _loading?.Dispose();
        _loading = Observable.FromAsync(ct => TargetListing.LoadAsync(directory, ct))
            .Select(listing => (PickerMessage)new ListingLoaded(PickerItem.From(listing, time.LocalTimeZone), [.. listing.Problems], time.GetUtcNow()))
            .Catch<PickerMessage, LogApiException>(failure => Observable.Return<PickerMessage>(new ListingFailed(failure.Message)))
            .ObserveOn(_ui)
            .Subscribe(Dispatch, error => Dispatch(new ListingFailed(error.Message)));
    }
}
