using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace LogViewer.Tui.Tests;

/// <summary>
/// The UI thread of a test: work posted from any thread (an effect's outcome, coalesced updates) waits here
/// until the test thread runs it with <see cref="Drain"/>, as Terminal.Gui's loop would run it on its thread.
/// </summary>
internal sealed class UiQueue : LocalScheduler
{
    private readonly ConcurrentQueue<Action> _work = new();

    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        var cancel = new BooleanDisposable();
        _work.Enqueue(() =>
        {
            if (!cancel.IsDisposed)
            {
                action(this, state);
            }
        });
        return cancel;
    }

    /// <summary>Runs everything posted so far, and what that posts in turn.</summary>
    public void Drain()
    {
        while (_work.TryDequeue(out var work))
        {
            work();
        }
    }
}
