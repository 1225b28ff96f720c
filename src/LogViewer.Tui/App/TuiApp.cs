using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using LogViewer.Tui.Picker;
using LogViewer.Tui.Session;
using Terminal.Gui.App;

namespace LogViewer.Tui.App;

/// <summary>The TUI's entry points for the command line: one target's logs, or the picker and the logs it opens.</summary>
public static class TuiApp
{
    /// <summary>
    /// Runs the viewer on the calling thread until the user quits (q, Ctrl+C) or
    /// <paramref name="cancellationToken"/> is cancelled; the terminal is restored before it returns.
    /// Subscribes to <see cref="TuiSession.Events"/> once and disposes the subscription before returning.
    /// Whether the tail failed for good is the caller's to tell from the events it gave (one place decides the exit code).
    /// </summary>
    public static void Run(TuiSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var app = Open(out var jobs, out var input, out var sleepWhenIdle);
        using var idleLoop = sleepWhenIdle;
        using var wakeInput = WakeBeforeStop(input);
        using var jobControl = jobs;
        using var ingest = IngestScheduler();
        using var cancellation = StopOn(app, cancellationToken);
        _ = RunViewer(app, jobs, ingest, session, cancellationToken);
    }

    /// <summary>
    /// Runs the picker on the calling thread: Enter opens a target's logs in the same window (a new tail, from
    /// <see cref="PickerSession.Open"/>), <c>p</c> there comes back to the picker (the tail is stopped), q quits.
    /// Failures are shown on screen, where the user can go back and pick again, so there is no outcome to return.
    /// </summary>
    public static void RunPicker(PickerSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var app = Open(out var jobs, out var input, out var sleepWhenIdle);
        using var idleLoop = sleepWhenIdle;
        using var wakeInput = WakeBeforeStop(input);
        using var jobControl = jobs;
        using var ingest = IngestScheduler();
        using var cancellation = StopOn(app, cancellationToken);
        using var picker = new PickerProgram(app, session, UiSynchronizationContext.SchedulerFor(app), jobs.Suspend);
        try
        {
            picker.Start();
            while (!cancellationToken.IsCancellationRequested)
            {
                picker.Reset();

                // The picker is keyboard-driven: no mouse reports to wake its loop.
                jobs.MouseEnabled = () => false;
                SetMouseModeOnFirstIteration(app, jobs, enabled: false);
                app.Run(picker.Root);
                if (cancellationToken.IsCancellationRequested || picker.Chosen is not { } chosen)
                {
                    break;
                }

                var viewer = session.Open(chosen.Target, chosen.Title) with { CanGoBack = true };
                if (!RunViewer(app, jobs, ingest, viewer, cancellationToken))
                {
                    break;
                }
            }
        }
        finally
        {
            picker.Root.Dispose();
            Console.Out.Write(MouseReporting.Off);
            Console.Out.Flush();
        }
    }

    private static IApplication Open(out JobControl jobs, out WaitingTerminalInput? input, out IDisposable sleepWhenIdle)
    {
        // The shell's line settings, before the driver sets raw mode: what Ctrl+Z gives back to the shell.
        var shellModes = TerminalModes.Capture();
        var app = WaitingTerminalInput.CreateApplication(out input);
        jobs = new JobControl(app, shellModes);
        SlowDownWhenIdle(app);
        sleepWhenIdle = SleepWhenIdle(app, input);
        return app;
    }

    // The loop waits for work only where input wakes it: on a terminal, with the waiting input in use.
    private static IDisposable SleepWhenIdle(IApplication app, WaitingTerminalInput? input) =>
        input is { WaitsForKeys: true } ? new WaitingMainLoop().Attach(app, input) : Disposable.Empty;

    // Disposing the application stops its input thread and waits for it: end the input's wait for a key first.
    private static IDisposable WakeBeforeStop(WaitingTerminalInput? input) => Disposable.Create(() => input?.Wake());

    private static void SlowDownWhenIdle(IApplication app)
    {
        var rate = new FrameRate(TimeProvider.System, perSecond => Application.MaximumIterationsPerSecond = perSecond);
        app.Keyboard.KeyDown += (_, _) => rate.OnInput();
        app.Mouse.MouseEvent += (_, _) => rate.OnInput();
        app.Iteration += (_, _) => rate.OnIteration();
    }

    private static EventLoopScheduler IngestScheduler() =>
        new(start => new Thread(start) { Name = "logviewer-ingest", IsBackground = true });

    private static CancellationTokenRegistration StopOn(IApplication app, CancellationToken cancellationToken) =>
        cancellationToken.Register(() =>
        {
            if (app.Initialized)
            {
                app.Invoke(app.RequestStop);
            }
        });

    /// <summary>
    /// The driver turns on any-motion reporting once its output starts, after Init: set the view's own mode on the
    /// loop's first iteration, after that (again on every run, since the picker and the viewer alternate). Job
    /// control starts then too, once the driver has put the terminal in raw mode.
    /// </summary>
    private static void SetMouseModeOnFirstIteration(IApplication app, JobControl jobs, bool enabled)
    {
        void SetMouseMode(object? sender, EventArgs<IApplication?> e)
        {
            app.Iteration -= SetMouseMode;
            MouseReporting.Apply(app, enabled);
            jobs.Start();
        }

        app.Iteration += SetMouseMode;
    }

    private static bool RunViewer(IApplication app, JobControl jobs, IScheduler ingest, TuiSession session, CancellationToken cancellationToken)
    {
        var schedulers = new ViewerSchedulers(ingest, DefaultScheduler.Instance, UiSynchronizationContext.SchedulerFor(app), TaskPoolScheduler.Default);
        var program = new ViewerProgram(app, session, schedulers, suspend: jobs.Suspend);
        jobs.MouseEnabled = () => program.State.MouseEnabled;
        jobs.Title = () => program.Title;
        try
        {
            program.Start();
            SetMouseModeOnFirstIteration(app, jobs, session.Mouse);
            if (!cancellationToken.IsCancellationRequested)
            {
                app.Run(program.Root);
            }

            return program.BackRequested;
        }
        finally
        {
            // Subscriptions first, so nothing is posted to a loop or views that are going away; the app last.
            jobs.Title = () => null;
            program.Dispose();
            program.Root.Dispose();

            // Also on the way out of a crash: a terminal left reporting the mouse prints escape codes on every click.
            Console.Out.Write(MouseReporting.Off);
            Console.Out.Flush();
        }
    }
}
