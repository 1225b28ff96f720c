using System.Reactive.Concurrency;
using Terminal.Gui.App;

namespace LogViewer.Tui.App;

/// <summary>
/// An Rx scheduler that runs work on Terminal.Gui's main loop through <see cref="IApplication.Invoke(Action)"/>.
/// <c>SynchronizationContext.Current</c> cannot be used: it is a thread-pool context outside <c>Run</c>.
/// Work posted after the application shut down is dropped (Invoke would throw).
/// </summary>
internal sealed class UiSynchronizationContext(IApplication app) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state)
    {
        if (app.Initialized)
        {
            app.Invoke(() => d(state));
        }
    }

    // Rx's SynchronizationContextScheduler only posts; a blocking Send from another thread could deadlock the loop.
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The UI context only accepts posted work.");

    public override SynchronizationContext CreateCopy() => this;

    public static IScheduler SchedulerFor(IApplication app) =>
        new SynchronizationContextScheduler(new UiSynchronizationContext(app), alwaysPost: true);
}
