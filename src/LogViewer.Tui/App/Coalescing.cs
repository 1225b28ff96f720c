using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace LogViewer.Tui.App;

/// <summary>
/// "Something changed" signals, at most one per interval: the first after a quiet interval goes through on the
/// scheduler's next turn, and those that come sooner are folded into one at the interval's end. Rx's <c>Sample</c> did
/// the folding with a timer that ticks four times a second for as long as the viewer runs, and held the first batch of
/// a tail back until its next tick (up to 250 ms on the first screen); this one sets a timer only when a signal comes.
/// </summary>
internal static class Coalescing
{
    public static IObservable<T> Coalesce<T>(this IObservable<T> source, TimeSpan interval, IScheduler scheduler) =>
        Observable.Create<T>(observer =>
        {
            var gate = new Lock();
            var timer = new SerialDisposable();
            var lastSent = DateTimeOffset.MinValue;
            var waiting = false;
            var latest = default(T)!;
            var ended = false;

            var subscription = source.Subscribe(
                value =>
                {
                    lock (gate)
                    {
                        latest = value;
                        if (ended || waiting)
                        {
                            return;
                        }

                        // Even a signal that need not wait goes on the scheduler's next turn, not inline: the store
                        // tells its other listeners (the metric index) after the view, and the screen must see them too.
                        // Never sent yet: MinValue puts the due time long past, so it is now.
                        var due = lastSent + interval - scheduler.Now;
                        waiting = true;
                        // Under the gate: signals come from the ingest thread and the timer's, and an observer gets one at a time.
                        timer.Disposable = scheduler.Schedule(due > TimeSpan.Zero ? due : TimeSpan.Zero, () =>
                        {
                            lock (gate)
                            {
                                waiting = false;
                                if (!ended)
                                {
                                    lastSent = scheduler.Now;
                                    observer.OnNext(latest);
                                }
                            }
                        });
                    }
                },
                error =>
                {
                    lock (gate)
                    {
                        ended = true;
                        timer.Dispose();
                        observer.OnError(error);
                    }
                },
                () =>
                {
                    lock (gate)
                    {
                        // What waited is still news: send it before the end.
                        if (waiting)
                        {
                            timer.Dispose();
                            observer.OnNext(latest);
                        }

                        ended = true;
                        observer.OnCompleted();
                    }
                });
            return new CompositeDisposable(subscription, timer);
        });
}
