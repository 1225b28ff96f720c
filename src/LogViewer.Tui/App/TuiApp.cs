using System.Reactive.Concurrency;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace LogViewer.Tui.App;

/// <summary>The TUI's entry point for the command line.</summary>
public static class TuiApp
{
    /// <summary>Exit code when the user quit.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when the tail stopped with a fatal error (bad key, unknown id) before the user quit.</summary>
    public const int ExitTailFailed = 1;

    /// <summary>
    /// Runs the viewer on the calling thread until the user quits (q, Ctrl+C) or
    /// <paramref name="cancellationToken"/> is cancelled; the terminal is restored before it returns.
    /// Subscribes to <see cref="TuiSession.Events"/> once and disposes the subscription before returning.
    /// </summary>
    /// <returns><see cref="ExitOk"/>, or <see cref="ExitTailFailed"/> when the tail had failed for good.</returns>
    public static int Run(TuiSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var app = Application.Create().Init(DriverRegistry.Names.ANSI);

        using var ingest = new EventLoopScheduler(start => new Thread(start) { Name = "logviewer-ingest", IsBackground = true });
        var schedulers = new ViewerSchedulers(ingest, DefaultScheduler.Instance, UiSynchronizationContext.SchedulerFor(app), TaskPoolScheduler.Default);
        var program = new ViewerProgram(app, session, schedulers);
        bool fatal;
        try
        {
            program.Start();
            using var cancellation = cancellationToken.Register(() =>
            {
                if (app.Initialized)
                {
                    app.Invoke(app.RequestStop);
                }
            });
            // The driver turns on any-motion reporting once its output starts, after Init: set the viewer's own mode on
            // the loop's first iteration, after that.
            void SetMouseMode(object? sender, EventArgs<IApplication?> e)
            {
                app.Iteration -= SetMouseMode;
                MouseReporting.Apply(app, session.Mouse);
            }

            app.Iteration += SetMouseMode;
            if (!cancellationToken.IsCancellationRequested)
            {
                app.Run(program.Root);
            }

            fatal = program.FatalStatus is not null;
        }
        finally
        {
            // Subscriptions first, so nothing is posted to a loop or views that are going away; the app last.
            program.Dispose();
            program.Root.Dispose();

            // Also on the way out of a crash: a terminal left reporting the mouse prints escape codes on every click.
            Console.Out.Write(MouseReporting.Off);
            Console.Out.Flush();
        }

        return fatal ? ExitTailFailed : ExitOk;
    }
}
