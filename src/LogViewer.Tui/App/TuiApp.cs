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

        // The driver turns on any-motion mouse reporting: over SSH every twitch of the mouse would travel upstream
        // and wake the loop. The viewer is keyboard-driven, so reporting is switched off again and events ignored.
        app.Mouse.IsMouseDisabled = true;
        Console.Out.Write(EscSeqUtils.CSI_DisableMouseEvents);
        Console.Out.Flush();
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
        }

        return fatal ? ExitTailFailed : ExitOk;
    }
}
