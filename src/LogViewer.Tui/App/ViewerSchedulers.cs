using System.Reactive.Concurrency;

namespace LogViewer.Tui.App;

/// <summary>
/// Where the viewer's work runs. The app uses a background thread, the task pool and Terminal.Gui's loop; tests pass
/// immediate and virtual-time schedulers so every screen is deterministic.
/// </summary>
/// <param name="Ingest">Tail batches go into the store here (off the UI thread).</param>
/// <param name="Timer">Coalescing of view changes and the one-second clock.</param>
/// <param name="Ui">The UI thread: every message is reduced and rendered here.</param>
/// <param name="Background">Long work an effect starts, such as a full re-filter of the store.</param>
internal sealed record ViewerSchedulers(IScheduler Ingest, IScheduler Timer, IScheduler Ui, IScheduler Background);
