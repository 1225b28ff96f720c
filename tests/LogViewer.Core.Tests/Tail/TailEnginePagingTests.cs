using LogViewer.Core.Api;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEnginePagingTests
{
    private static readonly DateTimeOffset Burst = Start.AddMinutes(-10);

    [Fact]
    public void Duplicate_At_Page_Boundary_Inside_One_Millisecond_Is_Emitted_Once()
    {
        // Given 999 lines in distinct milliseconds, then 5 lines sharing the next one: the first page ends inside it.
        using var tail = new TailHarness();
        var lines = Enumerable.Range(0, 999).Select(i => Line(Burst.AddMilliseconds(i), $"line {i}")).ToList();
        var crowded = Burst.AddMilliseconds(999);
        lines.AddRange(Enumerable.Range(0, 5).Select(i => Line(crowded, $"same ms {i}", nanos: i * 10)));
        tail.Api.AddRange(lines);

        // When the range is read
        tail.Run(new TailOptions { Follow = false });
        tail.Advance(TimeSpan.FromSeconds(1));

        // Then the second page starts at the boundary millisecond, and every line arrives exactly once, in order
        Assert.Equal(crowded.ToUnixTimeMilliseconds(), tail.Api.Requests[1].Query.StartEpochMillis);
        Assert.Equal(lines, tail.Emitted);
        Assert.Equal(TailState.Ended, tail.Statuses.Last().State);
        Assert.True(tail.Completed);
    }

    [Fact]
    public void Genuine_Repeats_Across_A_Page_Boundary_Are_Emitted_As_Often_As_The_Api_Holds_Them()
    {
        // Given 998 distinct lines, then the same line 4 times in one nanosecond: the first page holds 2 copies
        using var tail = new TailHarness();
        var from = Start.AddSeconds(-40);
        tail.Api.AddRange(Enumerable.Range(0, 998).Select(i => Line(from.AddMilliseconds(i), $"line {i}")));
        var repeated = Line(from.AddSeconds(5), "retrying...");
        for (var i = 0; i < 4; i++)
        {
            tail.Api.Add(repeated);
        }

        // When it is tailed for many polls, each of which re-reads the repeats through the lookback
        tail.Run(new TailOptions { FromEpochMillis = from.ToUnixTimeMilliseconds() });
        tail.Advance(TimeSpan.FromSeconds(30));

        // Then the repeated line is emitted exactly 4 times, and every other line once
        Assert.True(tail.Api.Requests.Count > 10);
        Assert.Equal(4, tail.Emitted.Count(e => e == repeated));
        Assert.Equal(1002, tail.Emitted.Count);
    }

    [Fact]
    public void Genuine_Repeats_Arriving_Late_Are_Added_Up_To_The_Count_The_Api_Holds()
    {
        // Given a line repeated twice, and a third copy that becomes visible 5 s later
        using var tail = new TailHarness();
        var repeated = Line(Start.AddSeconds(-20), "tick");
        tail.Api.Add(repeated);
        tail.Api.Add(repeated);
        tail.Api.Add(repeated, visibleAt: Start.AddSeconds(5));

        // When tailing
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromSeconds(3));
        var before = tail.Emitted.Count;
        tail.Advance(TimeSpan.FromSeconds(20));

        // Then 2 copies first, the third once it is visible, and never a fourth
        Assert.Equal(2, before);
        Assert.Equal(3, tail.Emitted.Count(e => e == repeated));
    }

    [Fact]
    public void A_Busy_Live_Tail_Whose_Lookback_Fills_A_Page_Stays_Live_And_Is_Not_Called_Catching_Up()
    {
        // Given a target logging 25 lines/s, before and after the tail starts: the 60 s lookback re-read by every
        // poll holds 1,500 lines, more than a page
        using var tail = new TailHarness();
        for (var i = 0; i < 25 * 60 * 12; i++)
        {
            var at = Start.AddMinutes(-10).AddMilliseconds(i * 40);
            tail.Api.Add(Line(at, $"line {i}"), visibleAt: at);
        }

        // When it has caught up and then polls live for a minute
        tail.Run(new TailOptions { PollInterval = TimeSpan.FromSeconds(2) });
        tail.Advance(TimeSpan.FromSeconds(5));
        var firstLive = tail.Statuses.ToList().FindIndex(s => s.State == TailState.Live);
        var requestsAtLive = tail.Api.Requests.Count;
        tail.Advance(TimeSpan.FromSeconds(60));

        // Then the live polls did read two pages each, yet every status after the first Live is Live
        Assert.True(firstLive >= 0);
        Assert.True(tail.Api.Requests.Count - requestsAtLive >= 2 * 29, $"{tail.Api.Requests.Count - requestsAtLive} requests in 60 s of polls");
        Assert.All(tail.Statuses.Skip(firstLive), s => Assert.Equal(TailState.Live, s.State));
        Assert.Equal(tail.Emitted.Count, tail.Emitted.Distinct().Count());
    }

    [Fact]
    public void A_Live_Tail_That_Falls_Far_Behind_Says_It_Is_Catching_Up()
    {
        // Given a quiet target that, a few seconds into the tail, makes 20,000 lines visible at once (a backlog
        // that takes 20 pages, 2 s at the pace ceiling)
        using var tail = new TailHarness();
        tail.Api.Add(Line(Start.AddSeconds(-5), "before"));
        for (var i = 0; i < 20_000; i++)
        {
            tail.Api.Add(Line(Start.AddSeconds(-50).AddMilliseconds(i * 2), $"flushed {i}"), visibleAt: Start.AddSeconds(3));
        }

        // When it goes live and then meets the backlog
        tail.Run(new TailOptions { PollInterval = TimeSpan.FromSeconds(2) });
        tail.Advance(TimeSpan.FromSeconds(1));
        var firstLive = tail.Statuses.ToList().FindIndex(s => s.State == TailState.Live);
        tail.Advance(TimeSpan.FromSeconds(20));

        // Then, being more than 10 s behind while paging through it, it says so, and ends up live with every line
        Assert.True(firstLive >= 0);
        Assert.Contains(tail.Statuses.Skip(firstLive), s => s.State == TailState.CatchingUp);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
        Assert.Equal(20_001, tail.Emitted.Count);
    }

    [Fact]
    public void Full_Page_Triggers_The_Next_Page_At_Once_Then_The_Interval_Resumes()
    {
        // Given a backlog of 2500 lines (three pages) over the last 25 minutes, 100 of them in the last minute
        using var tail = new TailHarness();
        tail.Api.AddRange(Enumerable.Range(0, 2500).Select(i => Line(Start.AddMinutes(-26).AddMilliseconds(i * 600), $"line {i}")));

        // When tailing with a 2 s interval
        tail.Run(new TailOptions { PollInterval = TimeSpan.FromSeconds(2) });
        tail.Advance(TimeSpan.FromSeconds(5));

        // Then pages follow each other at the pace of the rate ceiling (100 ms); the next polls come 2 s apart and
        // re-read only the last minute (the lookback), one page
        var at = tail.Api.Requests.Select(r => r.At - Start).ToList();
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(2200), TimeSpan.FromMilliseconds(4200)],
            at);
        Assert.All(tail.Api.Requests, r => Assert.Equal((SortDirection.Ascending, 1000), (r.Query.Direction!.Value, r.Query.Limit!.Value)));
        Assert.Equal(2500, tail.Emitted.Distinct().Count());
        Assert.Equal(2500, tail.Emitted.Count);
        Assert.Contains(tail.Statuses, s => s.State == TailState.CatchingUp && s.Behind is not null);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
    }

    [Fact]
    public void More_Than_A_Page_In_One_Millisecond_Is_Read_Newest_First_Too()
    {
        // Given 1500 lines in one millisecond, then 10 more lines
        using var tail = new TailHarness();
        var crowded = Enumerable.Range(0, 1500).Select(i => Line(Burst, $"burst {i}", nanos: i * 100)).ToList();
        var after = Enumerable.Range(0, 10).Select(i => Line(Burst.AddMilliseconds(1 + i), $"after {i}")).ToList();
        tail.Api.AddRange(crowded.Concat(after));

        // When the range is read
        tail.Run(new TailOptions { Follow = false });
        tail.Advance(TimeSpan.FromSeconds(1));

        // Then the millisecond is read ascending and descending, reading goes on after it, and nothing is lost or doubled
        var ms = Burst.ToUnixTimeMilliseconds();
        var second = tail.Api.Requests[1].Query;
        Assert.Equal((SortDirection.Descending, ms, ms), (second.Direction!.Value, second.StartEpochMillis!.Value, second.EndEpochMillis!.Value));
        Assert.Equal(ms + 1, tail.Api.Requests[2].Query.StartEpochMillis);
        Assert.Equal(crowded.Concat(after), tail.Emitted);
        Assert.Empty(tail.Warnings);
    }

    [Fact]
    public void Millisecond_Beyond_Two_Pages_Warns_Once_With_Its_Time_And_Moves_On()
    {
        // Given 2600 lines in one millisecond (100 ns apart), then 10 more lines
        using var tail = new TailHarness();
        tail.Api.AddRange(Enumerable.Range(0, 2600).Select(i => Line(Burst, $"burst {i}", nanos: i * 100)));
        var after = Enumerable.Range(0, 10).Select(i => Line(Burst.AddMilliseconds(1 + i), $"after {i}")).ToList();
        tail.Api.AddRange(after);

        // When tailing for 20 s, every poll re-reading that millisecond through the lookback
        tail.Run(new TailOptions { FromEpochMillis = Burst.AddSeconds(-1).ToUnixTimeMilliseconds() });
        tail.Advance(TimeSpan.FromSeconds(20));

        // Then one warning names the millisecond and the 600 lines that may be missing; the lines after it arrive
        var warning = Assert.Single(tail.Warnings);
        Assert.Contains("2026-11-22T19:50:00.000Z", warning.Message);
        Assert.Contains("about 600 lines", warning.Message);
        Assert.Equal(2010, tail.Emitted.Count);
        Assert.Equal(2010, tail.Emitted.Distinct().Count());
        Assert.All(after, line => Assert.Contains(line, tail.Emitted));

        // ...and it neither stalls nor loops: three requests per poll, polls every 2 s
        Assert.InRange(tail.Api.Requests.Count, 27, 33);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
    }

    [Fact]
    public void Request_Rate_Stays_At_Most_Ten_Per_Second_While_Catching_Up()
    {
        // Given a backlog of 30 000 lines (30 pages)
        using var tail = new TailHarness();
        tail.Api.AddRange(Enumerable.Range(0, 30_000).Select(i => Line(Start.AddMinutes(-25).AddMilliseconds(i * 40), $"line {i}")));

        // When tailing
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromSeconds(10));

        // Then no two requests are less than 100 ms apart and no second holds more than 10
        var at = tail.Api.Requests.Select(r => r.At).ToList();
        Assert.True(at.Count >= 31);
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(100)));
        Assert.All(at, t => Assert.True(at.Count(u => u >= t && u < t.AddSeconds(1)) <= 10));
        Assert.Equal(30_000, tail.Emitted.Count);
        Assert.Equal(30_000, tail.Emitted.Distinct().Count());
    }
}
