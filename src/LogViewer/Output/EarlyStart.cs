using System.Reactive;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace LogViewer.Output;

/// <summary>
/// A cold stream started now, for one subscriber that comes later: what it sends meanwhile is held and given to that
/// subscriber first, then it goes straight through. The TUI takes a few hundred milliseconds to set up the terminal
/// before it subscribes; started this way, the tail's first requests are answered during that time instead of after
/// it. Disposing the subscriber's subscription, or this, stops the stream.
/// </summary>
internal sealed class EarlyStart<T> : IObservable<T>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SingleAssignmentDisposable _source = new();
    private Queue<Notification<T>>? _held = new();
    private IObserver<T>? _observer;

    public EarlyStart(IObservable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source.Disposable = source.Materialize().Subscribe(Deliver);
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            if (_held is not { } held)
            {
                throw new InvalidOperationException("A stream started early has one subscriber.");
            }

            _observer = observer;
            _held = null;
            // Under the lock, so that nothing the stream sends now overtakes what it sent before.
            foreach (var notification in held)
            {
                notification.Accept(observer);
            }
        }

        return Disposable.Create(Dispose);
    }

    public void Dispose() => _source.Dispose();

    private void Deliver(Notification<T> notification)
    {
        lock (_gate)
        {
            if (_observer is { } observer)
            {
                notification.Accept(observer);
            }
            else
            {
                _held!.Enqueue(notification);
            }
        }
    }
}
