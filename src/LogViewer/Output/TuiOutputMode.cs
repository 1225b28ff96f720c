using System.Reactive.Linq;
using LogViewer.Arguments;
using LogViewer.Core.Output;
using LogViewer.Core.Tail;
using LogViewer.Tui.App;
using LogViewer.Tui.Watching;

namespace LogViewer.Output;

/// <summary>
/// <c>--output tui</c>: the Terminal.Gui viewer (<see cref="TuiApp"/>). The stream is watched on its way in so that a
/// fatal failure (rejected key, unknown id) still gives its own exit code and its one-line message on stderr once
/// the terminal is restored.
/// </summary>
internal sealed class TuiOutputMode(CliConsole console, TerminalStyle terminal) : IOutputMode
{
    private const int DefaultMaxLines = Core.Store.LogStore.DefaultCapacity;

    public async Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(context);
        TailStatus? fatal = null;
        var watched = events.Do(e =>
        {
            if (e is TailStatus { State: TailState.Fatal } status)
            {
                Volatile.Write(ref fatal, status);
            }
        });
        var session = new TuiSession(context.Title ?? context.Target.Describe(), watched, context.Display.MaxLines ?? DefaultMaxLines, context.Display.Utc)
        {
            Control = context.Control,
            Mouse = context.Display.Mouse,
            SetsTitle = context.Display.Title,
            Notify = context.Display.Notify,
            TerminalStyle = terminal,
        };

        // Terminal.Gui runs its loop on the calling thread; keep it off the caller's continuation.
        await Task.Factory.StartNew(() => TuiApp.Run(session, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ConfigureAwait(false);
        if (Volatile.Read(ref fatal) is { } failure)
        {
            await console.Error.WriteLineAsync("logviewer: " + EscapedText.Escape(failure.Message)).ConfigureAwait(false);
            return failure.Failure is { } kind ? ExitCodes.For(kind) : ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }

    public Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(display);

        // The viewer opens the store it is given: the file's lines are held once.
        var session = new TuiSession(log.Title, Observable.Return<TailEvent>(log.Ended), log.Store.Capacity, display.Utc)
        {
            Store = log.Store,
            BaseFilter = log.Filter,
            Mouse = display.Mouse,
        };
        return Task.Factory.StartNew(
            () =>
            {
                TuiApp.Run(session, cancellationToken);
                return ExitCodes.Ok;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }
}
