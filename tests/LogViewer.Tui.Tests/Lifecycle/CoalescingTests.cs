using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using LogViewer.Tui.App;

namespace LogViewer.Tui.Tests.Lifecycle;

/// <summary>"The view changed" reaches the screen at once after a quiet spell, then at most once per interval.</summary>
public sealed class CoalescingTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly HistoricalScheduler _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly Subject<int> _changes = new();
    private readonly List<(int AtMilliseconds, int Value)> _sent = [];

    public CoalescingTests() =>
        _changes.Coalesce(Interval, _clock).Subscribe(value => _sent.Add(((int)(_clock.Now - new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)).TotalMilliseconds, value)));

    public void Dispose() => _changes.Dispose();

    [Fact]
    public void The_First_Change_Goes_Through_On_The_Next_Turn()
    {
        _changes.OnNext(1);
        Assert.Empty(_sent);

        NextTurn();

        Assert.Equal([(0, 1)], _sent);
    }

    [Fact]
    public void Changes_Sooner_Than_The_Interval_Become_One_At_Its_End_Carrying_The_Latest()
    {
        _changes.OnNext(1);
        NextTurn();
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(50));
        _changes.OnNext(2);
        _changes.OnNext(3);
        _clock.AdvanceBy(TimeSpan.FromMilliseconds(100));
        Assert.Single(_sent);

        _clock.AdvanceBy(TimeSpan.FromMilliseconds(100));

        Assert.Equal([(0, 1), (250, 3)], _sent);
    }

    [Fact]
    public void After_A_Quiet_Interval_A_Change_Goes_Through_On_The_Next_Turn_Again()
    {
        _changes.OnNext(1);
        _clock.AdvanceBy(TimeSpan.FromSeconds(3));
        _changes.OnNext(2);
        NextTurn();

        Assert.Equal([(0, 1), (3000, 2)], _sent);
    }

    [Fact]
    public void Nothing_Is_Scheduled_While_Nothing_Changes()
    {
        // Sample kept a timer ticking for good; here a quiet stream asks the scheduler for nothing.
        var counting = new CountingScheduler(_clock);
        using var changes = new Subject<int>();
        using var subscription = changes.Coalesce(Interval, counting).Subscribe(_ => { });
        changes.OnNext(1);

        _clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Equal(1, counting.Scheduled);
    }

    [Fact]
    public void A_Change_Still_Waiting_Is_Sent_Before_The_End()
    {
        var completed = false;
        var sent = new List<int>();
        using var source = new Subject<int>();
        using var subscription = source.Coalesce(Interval, _clock).Subscribe(sent.Add, () => completed = true);
        source.OnNext(1);
        source.OnNext(2);

        source.OnCompleted();

        Assert.Equal([2], sent);
        Assert.True(completed);
    }

    // A virtual clock runs what is due only when it moves: one tick is the next turn.
    private void NextTurn() => _clock.AdvanceBy(TimeSpan.FromTicks(1));

    private sealed class CountingScheduler(IScheduler inner) : IScheduler
    {
        public int Scheduled { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, action);
        }

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, action);
        }
    }
}
