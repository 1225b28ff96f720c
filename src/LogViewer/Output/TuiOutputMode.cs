using System.Reactive.Concurrency;
using System.Reactive.Linq;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Model;
using LogViewer.Core.Output;
using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;
using LogViewer.Core.Tail;
using LogViewer.Core.Tracing;
using LogViewer.Tui.App;
using LogViewer.Tui.Session;
using LogViewer.Tui.State;

namespace LogViewer.Output;

/// <summary>
/// <c>--output tui</c>: the Terminal.Gui viewer (<see cref="TuiApp"/>). The stream is watched on its way in so that a
/// fatal failure (rejected key, unknown id) still gives its own exit code and its one-line message on stderr once
/// the terminal is restored. The target's saved session is read before the viewer starts (unless <c>--fresh</c>)
/// and written after it closes; a session that cannot be written is one line on stderr, never a failure.
/// </summary>
internal sealed class TuiOutputMode(CliConsole console, TerminalStyle terminal, SessionStore sessions, bool noColor = false) : IOutputMode
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
        // The tail starts now, while the viewer sets up the terminal, not once the viewer subscribes.
        using var started = new EarlyStart<TailEvent>(watched);
        var memory = new SessionMemory(sessions, context.Display.Fresh);
        await RunAsync(memory.Attach(SessionFor(started, context, terminal, noColor), context.SessionKey ?? SessionStore.KeyOf(context.Target)), cancellationToken).ConfigureAwait(false);
        await memory.ReportAsync(console.Error).ConfigureAwait(false);
        if (Volatile.Read(ref fatal) is { } failure)
        {
            await console.Error.WriteLineAsync("logviewer: " + EscapedText.Escape(failure.Message)).ConfigureAwait(false);
            return failure.Failure is { } kind ? ExitCodes.For(kind) : ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The viewer's session for a tail: its title, the command line's filters as rules, the server search, the
    /// watching settings. The picker builds the targets it opens with it too, so they behave as on the command line.
    /// </summary>
    /// <summary>
    /// How the viewer tails, from the command line's options: newest first, so the first screen is the present and the
    /// window back-fills behind it, as far as the viewer holds lines; a training job from its start when
    /// <paramref name="startAtJobCreation"/> (no window asked for); and stopped, not ended, when the job ends.
    /// </summary>
    public static TailOptions TailFor(TailOptions tail, TailControl control, DisplaySettings display, bool startAtJobCreation)
    {
        ArgumentNullException.ThrowIfNull(tail);
        ArgumentNullException.ThrowIfNull(display);
        return tail with
        {
            Control = control,
            NewestFirst = true,
            HistoryLineLimit = display.MaxLines ?? DefaultMaxLines,
            StartAtJobCreation = startAtJobCreation,
        };
    }

    /// <summary>
    /// The viewer's tail again from a millisecond on, for G after reading far back: the same options, newest first,
    /// from that millisecond (not the job's start) and following.
    /// </summary>
    public static TailOptions TailFrom(TailOptions viewerTail, long fromEpochMillis)
    {
        ArgumentNullException.ThrowIfNull(viewerTail);
        return viewerTail with { FromEpochMillis = fromEpochMillis, ToEpochMillis = null, StartAtJobCreation = false, Follow = true };
    }

    public static TuiSession SessionFor(IObservable<TailEvent> events, ViewerContext context, TerminalStyle terminal, bool noColor)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Target is DeploymentTarget or TrainingJobTarget ? context.Target : null;
        var api = context.Api;
        var older = api is null || target is null ? null : new OlderHistory(api, target, new Core.Api.LogQuery(), TaskPoolScheduler.Default);
        return new TuiSession(context.Title ?? context.Target.Describe(), events, context.Display.MaxLines ?? DefaultMaxLines, context.Display.Utc)
        {
            Control = context.Control,
            InitialRules = RuleSet.FromQuery(context.Filters),
            Target = target,
            SearchServer = api is null || target is null
                ? null
                : (filters, duration, ct) => new ServerSearch(api, target, TaskPoolScheduler.Default).RunAsync(filters, duration, null, ct),
            TraceRequest = api is not null && target is DeploymentTarget deployment ? RequestTraceFetch.For(api, deployment, TaskPoolScheduler.Default) : null,
            ReadOlder = older is null ? null : older.ReadPageAsync,
            ReadAround = older is null ? null : older.ReadAroundAsync,
            TailFrom = context.TailFrom,
            Lookback = context.Lookback,
            Mouse = context.Display.Mouse,
            MessageColours = !noColor,
            SetsTitle = context.Display.Title,
            Notify = context.Display.Notify,
            Alerts = context.Display.Alerts,
            TerminalStyle = terminal,
        };
    }

    public async Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(display);

        // The viewer opens the store it is given (the file's lines are held once); the command line's filters are
        // rules in it, shown in the panel and changeable there, instead of a filter fixed under it.
        var session = new TuiSession(log.Title, log.Reading ?? Observable.Return<TailEvent>(log.Ended), log.Store.Capacity, display.Utc)
        {
            Store = log.Store,
            InitialRules = RuleSet.FromQuery(log.Query),
            Mouse = display.Mouse,
            MessageColours = !noColor,
        };
        if (log.SessionKey is { } key)
        {
            var memory = new SessionMemory(sessions, display.Fresh);
            await RunAsync(memory.Attach(session, key), cancellationToken).ConfigureAwait(false);
            await memory.ReportAsync(console.Error).ConfigureAwait(false);
        }
        else
        {
            await RunAsync(session, cancellationToken).ConfigureAwait(false);
        }

        // The screen is the shell's again: what was said about the inputs while the viewer had it.
        await console.Error.WriteAsync(log.HeldMessages?.Invoke()).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    // Terminal.Gui runs its loop on the calling thread; keep it off the caller's continuation.
    private static Task RunAsync(TuiSession session, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => TuiApp.Run(session, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
