using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using LogViewer.Output;

namespace LogViewer.Tests.Output;

/// <summary>The TUI's tail starts before the viewer subscribes: nothing it sends meanwhile may be lost, doubled or reordered.</summary>
public sealed class EarlyStartTests
{
    [Fact]
    public void The_Stream_Starts_Before_Anyone_Subscribes()
    {
        var subscriptions = 0;
        var source = Observable.Create<int>(_ =>
        {
            subscriptions++;
            return Disposable.Empty;
        });

        using var started = new EarlyStart<int>(source);

        Assert.Equal(1, subscriptions);
    }

    [Fact]
    public void What_Came_Before_The_Subscriber_Comes_First_Then_The_Rest_In_Order()
    {
        var source = new Subject<int>();
        using var started = new EarlyStart<int>(source);
        source.OnNext(1);
        source.OnNext(2);

        var seen = new List<int>();
        var completed = false;
        using var subscription = started.Subscribe(seen.Add, () => completed = true);
        source.OnNext(3);
        source.OnCompleted();

        Assert.Equal([1, 2, 3], seen);
        Assert.True(completed);
    }

    [Fact]
    public void A_Failure_Before_The_Subscriber_Reaches_It()
    {
        var started = new EarlyStart<int>(Observable.Throw<int>(new InvalidOperationException("refused")));

        Exception? failure = null;
        using var subscription = started.Subscribe(_ => { }, e => failure = e);

        Assert.Equal("refused", failure?.Message);
    }

    [Fact]
    public void Ending_The_Subscription_Stops_The_Stream()
    {
        var stopped = false;
        var source = Observable.Create<int>(_ => Disposable.Create(() => stopped = true));
        var started = new EarlyStart<int>(source);
        var subscription = started.Subscribe(_ => { });

        subscription.Dispose();

        Assert.True(stopped);
    }

    [Fact]
    public void A_Second_Subscriber_Is_Refused()
    {
        using var started = new EarlyStart<int>(Observable.Never<int>());
        using var first = started.Subscribe(_ => { });

        Assert.Throws<InvalidOperationException>(() => started.Subscribe(_ => { }));
    }

    [Fact]
    public async Task Values_Sent_On_Another_Thread_While_The_Subscriber_Arrives_Come_Once_Each_In_Order()
    {
        for (var round = 0; round < 50; round++)
        {
            var source = new Subject<int>();
            using var started = new EarlyStart<int>(source);
            using var go = new ManualResetEventSlim();
            var sender = Task.Run(() =>
            {
                go.Set();
                for (var i = 0; i < 2000; i++)
                {
                    source.OnNext(i);
                }

                source.OnCompleted();
            });
            go.Wait();

            var seen = new List<int>();
            var done = new TaskCompletionSource();
            using var subscription = started.Subscribe(seen.Add, () => done.SetResult());
            await sender;
            await done.Task;

            Assert.Equal(Enumerable.Range(0, 2000), seen);
        }
    }
}
