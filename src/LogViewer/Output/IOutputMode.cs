using LogViewer.Arguments;
using LogViewer.Core.Tail;

namespace LogViewer.Output;

/// <summary>
/// Where a tail's events (or a log read whole) go: the text and JSON-lines writers, or the TUI. This is the seam the TUI plugs into:
/// implement it over <c>LogViewer.Tui</c> and hand it to <see cref="OutputModeFactory"/>.
/// </summary>
internal interface IOutputMode
{
    /// <summary>
    /// Subscribes to <paramref name="events"/> (cold: subscribing starts the polling), shows them until the stream
    /// ends, fails, or <paramref name="cancellationToken"/> fires (Ctrl-C, SIGTERM), and returns the exit code.
    /// Lines already received are shown before returning, also on cancellation.
    /// </summary>
    Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Shows a log already read whole, from its store (nothing copied out of it), until done, quit or cancelled;
    /// returns the exit code.
    /// </summary>
    Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken);
}
