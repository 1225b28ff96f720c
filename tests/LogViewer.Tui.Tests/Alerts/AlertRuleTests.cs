using System.Text.RegularExpressions;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Tail;
using LogViewer.Tui.Alerts;
using LogViewer.Tui.State;
using LogViewer.Tui.Viewer;
using LogViewer.Tui.Watching;

namespace LogViewer.Tui.Tests.Alerts;

/// <summary>
/// Alert rules at the reducer, fed by the ingest side's matcher as the program feeds them, on virtual time: which lines
/// count, at most one notification per rule per minute, and the count of the matches held back in between.
/// </summary>
public sealed partial class AlertRuleTests
{
    private static readonly RulePattern Nan = RulePattern.Parse("/loss=(nan|inf)/");
    private static readonly RulePattern Oom = RulePattern.Parse("CUDA out of memory");

    private static ViewerState Watching(NotifyMode mode = NotifyMode.End) =>
        new() { Watch = new WatchState { Name = "sft-run", Mode = mode } };

    /// <summary>The program's loop, reduced: an action in, its effects out; WatchAlerts is run against the matcher.</summary>
    private sealed class Loop(ViewerState state)
    {
        public AlertMatcher Matcher { get; } = new();

        public ViewerState State { get; private set; } = state;

        public List<(DateTimeOffset At, SendNotification Notification)> Sent { get; } = [];

        public void Dispatch(ViewerAction action, DateTimeOffset at)
        {
            var update = ViewerReducer.Update(State, action);
            State = update.State;
            foreach (var effect in update.Effects.IsDefault ? [] : update.Effects)
            {
                switch (effect)
                {
                    case WatchAlerts watch:
                        Matcher.Watch(watch.Patterns);
                        break;
                    case SendNotification sent:
                        Sent.Add((at, sent));
                        break;
                }
            }
        }

        public void Event(TailEvent tailEvent, DateTimeOffset at)
        {
            if (Matcher.Observe(tailEvent) is { Count: > 0 } matches)
            {
                Dispatch(new AlertsMatched(at, matches), at);
            }
        }

        public void Tick(DateTimeOffset at) => Dispatch(new ClockTick(at), at);
    }

    [Fact]
    public void On_A_Seeded_Stream_Every_New_Match_Is_Counted_And_Told_At_Most_Once_A_Minute_Per_Rule()
    {
        // Given two alert rules, a tail that reads 200 lines of history and then goes live
        var random = new Random(16);
        var loop = new Loop(Watching());
        loop.Dispatch(new AddAlert(Nan), Entries.Start);
        loop.Dispatch(new AddAlert(Oom), Entries.Start);
        var history = Enumerable.Range(0, 200).Select(i => Entries.At(i, Line(random))).ToArray();
        loop.Event(new TailBatch(history, 0), Entries.Start.AddSeconds(200));
        loop.Event(new TailStatus(TailState.Live, Entries.Start.AddSeconds(200), "Live."), Entries.Start.AddSeconds(200));

        // When 30 minutes of batches arrive every 2 s, with a clock tick every second
        var live = new List<LogEntry>();
        for (var second = 201; second < 201 + 1800; second++)
        {
            var at = Entries.Start.AddSeconds(second);
            if (second % 2 == 0)
            {
                var batch = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Entries.At(second, Line(random))).ToArray();
                live.AddRange(batch);
                loop.Event(new TailBatch(batch, 0), at);
            }

            loop.Tick(at);
        }

        // ...and a minute passes after the last
        loop.Tick(Entries.Start.AddSeconds(201 + 1800 + 60));

        // Then each rule's hits are the live lines it matches (the history counts for nothing)
        foreach (var (pattern, expression) in new[] { (Nan, "loss=(nan|inf)"), (Oom, "CUDA out of memory") })
        {
            var reference = live.Count(e => Regex.IsMatch(e.Message, expression, RegexOptions.IgnoreCase));
            var rule = loop.State.Alerts.Rules.Single(r => r.Pattern.Equals(pattern));
            Assert.True(reference > 20, $"the seed should give {pattern} enough matches, gave {reference}");
            Assert.Equal(reference, rule.Hits);

            // ...its notifications are at least a minute apart
            var told = loop.Sent.Where(s => s.Notification.Body.StartsWith($"alert {pattern.Display}:", StringComparison.Ordinal)).ToList();
            Assert.All(told.Zip(told.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromMinutes(1), $"{pair.First.At:T} then {pair.Second.At:T}"));

            // ...and each tells one match and how many more, so together they tell every match once
            Assert.Equal(reference, told.Sum(s => 1 + More(s.Notification.Body)));
        }
    }

    [Fact]
    public void The_First_Match_Notifies_At_Once_And_The_Matches_Of_The_Next_Minute_Come_As_And_N_More()
    {
        // Given a live tail with an alert for NaN losses
        var loop = new Loop(Watching());
        loop.Dispatch(new AddAlert(Nan), Entries.Start);
        loop.Event(new TailStatus(TailState.Live, Entries.Start, "Live."), Entries.Start);

        // When a NaN arrives at 10 s, four more in the next 40 s, and the clock ticks to 70 s
        loop.Event(new TailBatch([Entries.At(10, "step=7 loss=nan")], 0), Entries.Start.AddSeconds(10));
        for (var i = 0; i < 4; i++)
        {
            loop.Event(new TailBatch([Entries.At(20 + (10 * i), $"step={8 + i} loss=inf")], 0), Entries.Start.AddSeconds(20 + (10 * i)));
            loop.Tick(Entries.Start.AddSeconds(21 + (10 * i)));
        }

        loop.Tick(Entries.Start.AddSeconds(69));
        var beforeTheMinute = loop.Sent.Count;
        loop.Tick(Entries.Start.AddSeconds(70));

        // Then one notification at 10 s for the line, one at 70 s for the first held back "and 3 more"
        Assert.Equal(1, beforeTheMinute);
        Assert.Equal(
            [
                (Entries.Start.AddSeconds(10), "alert /loss=(nan|inf)/: step=7 loss=nan"),
                (Entries.Start.AddSeconds(70), "alert /loss=(nan|inf)/: step=8 loss=inf ... and 3 more"),
            ],
            loop.Sent.Select(s => (s.At, s.Notification.Body)));
        Assert.Equal("LogViewer: sft-run", loop.Sent[0].Notification.Title);
        Assert.Equal(5, loop.State.Alerts.Rules[0].Hits);
    }

    [Fact]
    public void A_Batch_Of_Matches_Is_One_Notification_And_Two_Rules_Notify_Apart()
    {
        var loop = new Loop(Watching());
        loop.Dispatch(new AddAlert(Nan), Entries.Start);
        loop.Dispatch(new AddAlert(Oom), Entries.Start);
        loop.Event(new TailStatus(TailState.Live, Entries.Start, "Live."), Entries.Start);

        loop.Event(new TailBatch([Entries.At(1, "loss=nan"), Entries.At(1, "loss=nan again"), Entries.At(1, "torch.OutOfMemoryError: CUDA out of memory.")], 0), Entries.Start.AddSeconds(1));

        Assert.Equal(
            ["alert /loss=(nan|inf)/: loss=nan ... and 1 more", "alert CUDA out of memory: torch.OutOfMemoryError: CUDA out of memory."],
            loop.Sent.Select(s => s.Notification.Body));
    }

    [Fact]
    public void With_Notify_Never_Matches_Count_And_Mark_But_Do_Not_Notify()
    {
        var loop = new Loop(Watching(NotifyMode.Never));
        loop.Dispatch(new AddAlert(Oom), Entries.Start);
        loop.Event(new TailStatus(TailState.Live, Entries.Start, "Live."), Entries.Start);

        loop.Event(new TailBatch([Entries.At(1, "CUDA out of memory")], 0), Entries.Start.AddSeconds(1));
        loop.Tick(Entries.Start.AddSeconds(120));

        Assert.Empty(loop.Sent);
        Assert.Equal(1, loop.State.Alerts.Rules[0].Hits);
        Assert.Contains(new AlertedLine(Entries.At(1, "x").TimestampNanos, "CUDA out of memory"), loop.State.Alerts.Marked);
    }

    [Fact]
    public void Lines_Before_A_Rule_Was_Added_And_After_It_Was_Deleted_Do_Not_Count()
    {
        var loop = new Loop(Watching());
        loop.Event(new TailStatus(TailState.Live, Entries.Start, "Live."), Entries.Start);
        loop.Event(new TailBatch([Entries.At(1, "CUDA out of memory")], 0), Entries.Start.AddSeconds(1));

        loop.Dispatch(new AddAlert(Oom), Entries.Start.AddSeconds(2));
        loop.Event(new TailBatch([Entries.At(3, "CUDA out of memory")], 0), Entries.Start.AddSeconds(3));
        var hits = loop.State.Alerts.Rules[0].Hits;
        loop.Dispatch(new DeleteAlert(0), Entries.Start.AddSeconds(4));
        loop.Event(new TailBatch([Entries.At(5, "CUDA out of memory")], 0), Entries.Start.AddSeconds(5));

        Assert.Equal(1, hits);
        Assert.Single(loop.Sent);
        Assert.Empty(loop.State.Alerts.Rules);
        Assert.Single(loop.State.Alerts.Recent);
    }

    [Fact]
    public void The_Same_Pattern_Twice_Is_One_Rule()
    {
        var loop = new Loop(Watching());
        loop.Dispatch(new AddAlert(Oom), Entries.Start);
        loop.Dispatch(new AddAlert(RulePattern.Parse("CUDA out of memory")), Entries.Start);

        Assert.Single(loop.State.Alerts.Rules);
        Assert.Contains("there already", loop.State.Notice, StringComparison.Ordinal);
    }

    private static int More(string body) => MorePattern().Match(body) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static string Line(Random random) => random.Next(100) switch
    {
        < 3 => $"step={random.Next(1000)} loss=nan",
        < 5 => $"step={random.Next(1000)} loss=INF grad_norm=inf",
        < 8 => "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB",
        _ => $"step={random.Next(1000)} loss={random.NextDouble():0.000}",
    };

    [GeneratedRegex(@" \.\.\. and (\d+) more$")]
    private static partial Regex MorePattern();
}
