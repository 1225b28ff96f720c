using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Tui.App;

namespace LogViewer.Output;

/// <summary>
/// <c>--output tui</c> (the default on a terminal): the full-screen viewer. It runs on the calling thread until
/// the user quits (q, Ctrl-C) or a shutdown signal cancels it, and keeps the window open after the stream ends.
/// </summary>
internal sealed class TuiOutputMode : IOutputMode
{
    public Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = new TuiSession(
            context.Target.Describe(),
            events,
            context.Display.MaxLines ?? LogStore.DefaultCapacity,
            context.Display.Utc);
        return Task.FromResult(TuiApp.Run(session, cancellationToken));
    }
}
