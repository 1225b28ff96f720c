using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// <see cref="TailOptions.NewestFirst"/> on virtual time: the newest page first, live polling at once, and the rest of
/// the range back-filled between polls, exactly once with the live tail and its lookback.
/// </summary>
public sealed class TailEngineNewestFirstTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    [Fact]
    public void The_First_Request_Reads_The_Newest_Lines_And_They_Are_Emitted_Before_Any_Other()
    {
        // Given two hours of a deployment logging 10 lines a second, up to now
        using var tail = new TailHarness();
        var lines = Steady(tail, Start - TwoHours, Start, perSecond: 10);

        // When a newest-first tail of the two hours starts
        tail.Run(NewestFirst(Start - TwoHours));
        tail.Advance(TimeSpan.FromMilliseconds(1));

        // Then one request was made, descending, and what it emitted is the newest page: the present is on screen
        var request = Assert.Single(tail.Api.Requests);
        Assert.Equal(SortDirection.Descending, request.Query.Direction);
        var first = Assert.Single(tail.Batches);
        Assert.Equal(lines[^first.Entries.Count..], first.Entries);
        Assert.Equal(1000, first.Entries.Count);
        var live = Assert.Single(tail.Statuses, s => s.State == TailState.Live);
        Assert.Equal(new HistoryProgress(
            (Start - TwoHours).ToUnixTimeMilliseconds(),
            Start.ToUnixTimeMilliseconds(),
            first.Entries[0].EpochMillis + 1) { Lines = 1000 }, live.History);
        Assert.InRange(live.History!.Fraction, 0.01, 0.02);
    }

    [Fact]
    public void Live_Polls_Keep_Their_Interval_While_The_History_Fills_Between_Them()
    {
        // Given two hours of history and lines still coming
        using var tail = new TailHarness();
        var lines = Steady(tail, Start - TwoHours, Start + TimeSpan.FromMinutes(2), perSecond: 10);

        // When tailing newest first for a minute and a half
        tail.Run(NewestFirst(Start - TwoHours));
        tail.Advance(TimeSpan.FromSeconds(90));

        // Then a live poll (ascending) went out every 2 s, held back by at most one page's turn
        var polls = tail.Api.Requests.Where(r => r.Query.Direction == SortDirection.Ascending).Select(r => r.At).ToList();
        Assert.InRange(polls.Count, 40, 45);
        Assert.All(polls.Zip(polls.Skip(1)), p => Assert.InRange(p.Second - p.First, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.2)));

        // ...while history pages filled the waits: 72,000 lines, all of them, in 90 s
        var history = tail.Api.Requests.Count(r => r.Query.Direction == SortDirection.Descending);
        Assert.InRange(history, 72, 80);
        var statuses = tail.Statuses.Where(s => s.History is not null).ToList();
        Assert.Contains(statuses, s => s.History is { Filling: true, Fraction: > 0.4 and < 0.6 });
        Assert.True(statuses[^1].History!.Complete);

        // ...and every line up to the last poll arrived exactly once
        var expected = lines.Where(l => l.TimestampNanos <= Nanos.FromDateTimeOffset(polls[^1])).ToList();
        Assert.Equal(expected.Count, tail.Emitted.Count);
        Assert.Equal(expected, tail.Emitted.OrderBy(e => e.TimestampNanos).ToList());
    }

    /// <summary>
    /// The exactly-once test's traffic (bursts over a page, up to 1800 lines in one millisecond, identical repeats,
    /// ingestion lag of up to 40 s) spanning the start: ten minutes before it are back-filled while the live tail
    /// reads the five after it, and their lookbacks and the back-fill's first pages overlap.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_Line_Arrives_Exactly_Once_Across_The_Back_Fill_The_Live_Tail_And_The_Lookback(int seed)
    {
        // Given random traffic from 10 minutes before the start to 5 minutes after
        using var tail = new TailHarness();
        var from = Start.AddMinutes(-10);
        var lines = RandomTraffic.Add(tail.Api, seed, from, 900);

        // When tailing newest first from 10 minutes back, through the 5 minutes and a minute beyond
        tail.Run(NewestFirst(from));
        tail.Advance(TimeSpan.FromMinutes(6));

        // Then the emitted lines are exactly the API's lines: none missing, none doubled, none invented
        var expected = LineCounts.Of(lines);
        var emitted = LineCounts.Of(tail.Emitted);
        var (missing, extra) = (LineCounts.Missing(expected, emitted), LineCounts.Missing(emitted, expected));
        Assert.Equal((lines.Count, 0, 0), (tail.Emitted.Count, missing, extra));
        Assert.Empty(tail.Warnings);
        Assert.Contains(tail.Statuses, s => s.History is { Complete: true });

        // ...every batch is sorted, and LateCount counts exactly the lines older than an earlier batch's newest
        long newest = long.MinValue;
        foreach (var batch in tail.Batches)
        {
            Assert.True(batch.Entries.Zip(batch.Entries.Skip(1)).All(p => p.First.TimestampNanos <= p.Second.TimestampNanos));
            Assert.Equal(batch.Entries.Count(e => e.TimestampNanos < newest), batch.LateCount);
            newest = Math.Max(newest, batch.Entries.Max(e => e.TimestampNanos));
        }
    }

    [Fact]
    public void The_Back_Fill_Stops_At_The_Line_Limit_With_The_Newest_Lines_Held()
    {
        // Given two hours of history, and a viewer that holds 5,000 lines
        using var tail = new TailHarness();
        var lines = Steady(tail, Start - TwoHours, Start, perSecond: 10);

        // When tailing newest first
        tail.Run(NewestFirst(Start - TwoHours) with { HistoryLineLimit = 5_000 });
        tail.Advance(TimeSpan.FromSeconds(30));

        // Then it stopped at the page that passed 5,000 (each page after the first re-reads its boundary line, so
        // pages bring 1,000 + 999 + ...: the sixth), holding the newest lines, and the status says where it stopped
        Assert.Equal(6, tail.Api.Requests.Count(r => r.Query.Direction == SortDirection.Descending));
        var emitted = tail.Emitted.OrderBy(e => e.TimestampNanos).ToList();
        Assert.Equal(1_000 + (5 * 999), emitted.Count);
        Assert.Equal(lines[^emitted.Count..], emitted);
        var history = tail.Statuses.Last().History!;
        Assert.True(history.StoppedAtLimit);
        Assert.False(history.Complete);
        Assert.Equal(emitted[0].EpochMillis + 1, history.BackToEpochMillis);
    }

    [Fact]
    public void A_Nine_Day_Range_Is_Read_From_Its_Newest_Week_Back_Through_A_Crowded_Millisecond()
    {
        // Given a line an hour over nine days, and 1,500 lines in one millisecond eight days back
        using var tail = new TailHarness();
        var from = Start.AddDays(-9);
        var lines = new List<LogEntry>();
        for (var at = from; at < Start; at = at.AddHours(1))
        {
            lines.Add(Line(at, $"hourly {at:O}"));
        }

        var crowded = Start.AddDays(-8).AddMinutes(30);
        lines.AddRange(Enumerable.Range(0, 1_500).Select(i => Line(crowded, $"crowded {i}", nanos: i * 100)));
        lines = [.. lines.OrderBy(l => l.TimestampNanos)];
        tail.Api.AddRange(lines);

        // When the closed range is read newest first
        tail.Run(NewestFirst(from) with { ToEpochMillis = Start.ToUnixTimeMilliseconds(), Follow = false });
        tail.Advance(TimeSpan.FromMinutes(1));

        // Then the newest week came first, no request spanned more than 7 days, and every line arrived once
        Assert.True(tail.Completed);
        var requests = tail.Api.Requests.Select(r => r.Query).ToList();
        Assert.Equal(SortDirection.Descending, requests[0].Direction);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), requests[0].EndEpochMillis);
        Assert.All(requests, q => Assert.True(q.EndEpochMillis - q.StartEpochMillis <= (long)LogQuery.MaxWindow.TotalMilliseconds));
        Assert.Contains(requests, q => q.Direction == SortDirection.Ascending && q.StartEpochMillis == q.EndEpochMillis);
        Assert.Equal(lines, tail.Emitted.OrderBy(e => e.TimestampNanos).ToList());
        Assert.Empty(tail.Warnings);
        Assert.Equal(TailState.Ended, tail.Statuses.Last().State);
        Assert.True(tail.Statuses.Last().History! is { Complete: true, ClosedRange: true, Lines: 1_716 });

        // ...reading, never "behind": a closed range has no live end
        Assert.Contains(tail.Statuses, s => s is { State: TailState.CatchingUp, Behind: null, History.Filling: true });
        Assert.All(tail.Statuses, s => Assert.Null(s.Behind));
    }

    [Fact]
    public void Oldest_First_Stays_The_Default_For_Strict_Time_Order()
    {
        // Given history, and a tail without NewestFirst (text and jsonl output)
        using var tail = new TailHarness();
        Steady(tail, Start.AddMinutes(-10), Start, perSecond: 10);

        // When it reads the range
        tail.Run(new TailOptions { FromEpochMillis = Start.AddMinutes(-10).ToUnixTimeMilliseconds() });
        tail.Advance(TimeSpan.FromSeconds(10));

        // Then it asked oldest first and emitted in time order, with no history figures
        Assert.Equal(SortDirection.Ascending, tail.Api.Requests[0].Query.Direction);
        Assert.Equal(tail.Emitted.OrderBy(e => e.TimestampNanos), tail.Emitted);
        Assert.All(tail.Statuses, s => Assert.Null(s.History));
    }

    [Fact]
    public void A_Training_Job_Is_Read_From_Its_Creation_Newest_First()
    {
        // Given a job created three hours ago that has logged since, and a tail asked for the default 30 minutes
        using var tail = new TailHarness(new TrainingJobTarget("p1", "j1"));
        tail.Api.JobCreatedAt = Start.AddHours(-3);
        var lines = Steady(tail, Start.AddHours(-3), Start, perSecond: 2);

        // When the tail may start at the job's creation (the TUI without --since or --from)
        tail.Run(NewestFirst(Start.AddMinutes(-30)) with { StartAtJobCreation = true });
        tail.Advance(TimeSpan.FromSeconds(30));

        // Then the newest lines came first and the back-fill reached the job's first line
        Assert.Equal(SortDirection.Descending, tail.Api.Requests[0].Query.Direction);
        Assert.Equal(lines[^1], tail.Batches.First().Entries[^1]);
        Assert.Equal(lines, tail.Emitted.OrderBy(e => e.TimestampNanos).ToList());
        var history = tail.Statuses.Last().History!;
        Assert.True(history.Complete);
        Assert.Equal(Start.AddHours(-3).ToUnixTimeMilliseconds(), history.FromEpochMillis);
    }

    [Fact]
    public void A_Window_Asked_For_Wins_Over_The_Job_Start()
    {
        // Given the same job, and a tail of the last 30 minutes that was asked for (--since 30m)
        using var tail = new TailHarness(new TrainingJobTarget("p1", "j1"));
        tail.Api.JobCreatedAt = Start.AddHours(-3);
        var lines = Steady(tail, Start.AddHours(-3), Start, perSecond: 2);

        // When tailing without StartAtJobCreation
        tail.Run(NewestFirst(Start.AddMinutes(-30)));
        tail.Advance(TimeSpan.FromSeconds(30));

        // Then only the 30 minutes were read
        var since = Nanos.FromDateTimeOffset(Start.AddMinutes(-30));
        Assert.Equal(lines.Where(l => l.TimestampNanos >= since), tail.Emitted.OrderBy(e => e.TimestampNanos));
    }

    private static TailOptions NewestFirst(DateTimeOffset from) =>
        new() { FromEpochMillis = from.ToUnixTimeMilliseconds(), NewestFirst = true };

    // Lines at a steady rate over [from, to), each visible as soon as it is written.
    private static List<LogEntry> Steady(TailHarness tail, DateTimeOffset from, DateTimeOffset to, int perSecond)
    {
        var step = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perSecond);
        var lines = new List<LogEntry>();
        var n = 0;
        for (var at = from; at < to; at += step, n++)
        {
            var line = Line(at, $"line {n}", replica: $"r{n % 3}");
            lines.Add(line);
            tail.Api.Add(line, visibleAt: at);
        }

        return lines;
    }
}
