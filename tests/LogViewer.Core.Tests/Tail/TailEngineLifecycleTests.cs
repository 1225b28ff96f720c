using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using NSubstitute;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEngineLifecycleTests
{
    [Fact]
    public void Every_Request_Is_Ascending_With_Limit_1000_And_The_Filters()
    {
        // Given an API that answers every request with an empty page
        using var tail = new TailHarness();
        var api = Substitute.For<ILogApi>();
        api.GetLogsAsync(default!, default!, default).ReturnsForAnyArgs(new LogPage([]));
        var filters = new LogQuery { MinLevel = LogLevel.Warning, Replica = "r1", Includes = ["error"], StartEpochMillis = 1, Limit = 5 };

        // When tailing for 10 s
        tail.Run(new TailOptions { Filters = filters }, api);
        tail.Advance(TimeSpan.FromSeconds(10));

        // Then every request carries direction asc, limit 1000 and the filters (the engine's own start, not the filters')
        api.ReceivedWithAnyArgs(6).GetLogsAsync(default!, default!, default);
        api.Received(6).GetLogsAsync(
            Deployment,
            Arg.Is<LogQuery>(q => q.Direction == SortDirection.Ascending && q.Limit == 1000 && q.MinLevel == LogLevel.Warning
                && q.Replica == "r1" && q.Includes.SequenceEqual(new[] { "error" }) && q.StartEpochMillis > 1),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public void Disposing_Stops_Polling_And_Cancels_The_Call_In_Flight()
    {
        // Given an API call that does not answer
        using var tail = new TailHarness();
        var api = Substitute.For<ILogApi>();
        var token = CancellationToken.None;
        api.GetLogsAsync(default!, default!, default).ReturnsForAnyArgs(call =>
        {
            token = call.Arg<CancellationToken>();
            var pending = new TaskCompletionSource<LogPage>();
            token.Register(() => pending.TrySetCanceled(token));
            return pending.Task;
        });
        tail.Run(new TailOptions(), api);
        tail.Advance(TimeSpan.FromSeconds(1));
        Assert.False(token.IsCancellationRequested);

        // When the subscription is disposed
        tail.Unsubscribe();
        tail.Advance(TimeSpan.FromMinutes(5));

        // Then the call's token is cancelled, nothing more is asked, and the stream neither errs nor completes
        Assert.True(token.IsCancellationRequested);
        api.ReceivedWithAnyArgs(1).GetLogsAsync(default!, default!, default);
        Assert.Null(tail.Error);
        Assert.False(tail.Completed);
    }

    [Fact]
    public void Disposing_Between_Polls_Stops_Polling()
    {
        // Given a tail that polled a few times
        using var tail = new TailHarness();
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromSeconds(5));
        var polls = tail.Api.Requests.Count;

        // When it is disposed while waiting for the next poll
        tail.Unsubscribe();
        tail.Advance(TimeSpan.FromMinutes(5));

        // Then no request follows
        Assert.Equal(3, polls);
        Assert.Equal(polls, tail.Api.Requests.Count);
    }

    [Fact]
    public void Late_Line_Inside_The_Lookback_Is_Emitted_Once_And_Counted_Late()
    {
        // Given two lines, and a line between them that becomes queryable only 5 s after the tail starts
        using var tail = new TailHarness();
        tail.Api.Add(Line(Start.AddSeconds(-50), "early"));
        tail.Api.Add(Line(Start.AddSeconds(-10), "newest"));
        var late = Line(Start.AddSeconds(-30), "late");
        tail.Api.Add(late, visibleAt: Start.AddSeconds(5));

        // When tailing for a minute
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(1));

        // Then the late line arrives once, in a batch that marks it late
        var batch = tail.Batches.Single(b => b.Entries.Contains(late));
        Assert.Equal((1, 1), (batch.Entries.Count, batch.LateCount));
        Assert.Equal(["early", "newest", "late"], tail.Emitted.Select(e => e.Message));
        Assert.All(tail.Batches.Where(b => b != batch), b => Assert.Equal(0, b.LateCount));
    }

    [Fact]
    public void Range_Longer_Than_Seven_Days_Is_Read_In_Windows_Each_Fully_Paged()
    {
        // Given 20 days of history: 1500 lines in the first week, lines on both sides of the first window's end,
        // and 1200 lines in the last week
        using var tail = new TailHarness();
        var from = Start.AddDays(-20);
        var to = Start.AddHours(-1);
        var firstWindowEnd = from.AddDays(7);
        var lines = Enumerable.Range(0, 1500).Select(i => Line(from.AddDays(3).AddSeconds(i), $"week 1 #{i}")).ToList();
        lines.Add(Line(firstWindowEnd, "last millisecond of window 1", nanos: 999_999));
        lines.Add(Line(firstWindowEnd.AddMilliseconds(1), "first millisecond of window 2"));
        lines.AddRange(Enumerable.Range(0, 1200).Select(i => Line(to.AddDays(-2).AddSeconds(i), $"week 3 #{i}")));
        tail.Api.AddRange(lines);

        // When the range is read without following
        tail.Run(new TailOptions { FromEpochMillis = from.ToUnixTimeMilliseconds(), ToEpochMillis = to.ToUnixTimeMilliseconds(), Follow = false });
        tail.Advance(TimeSpan.FromMinutes(1));

        // Then no request spans more than 7 days, the windows follow each other without gap or overlap,
        // each is paged to its end, every line arrives once in order, and the stream ends
        var queries = tail.Api.Requests.Select(r => r.Query).ToList();
        Assert.All(queries, q => Assert.True(q.EndEpochMillis - q.StartEpochMillis <= (long)TimeSpan.FromDays(7).TotalMilliseconds));
        var windowEnds = queries.Select(q => q.EndEpochMillis!.Value).Distinct().ToList();
        Assert.Equal(
            [firstWindowEnd.ToUnixTimeMilliseconds(), firstWindowEnd.AddDays(7).AddMilliseconds(1).ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()],
            windowEnds);
        Assert.Equal(firstWindowEnd.ToUnixTimeMilliseconds() + 1, queries.First(q => q.EndEpochMillis == windowEnds[1]).StartEpochMillis);
        Assert.Equal(5, queries.Count); // 2 pages, 1 page, 2 pages
        Assert.Equal(lines, tail.Emitted);
        Assert.Contains(tail.Statuses, s => s.State == TailState.CatchingUp);
        Assert.Equal(TailState.Ended, tail.Statuses.Last().State);
        Assert.True(tail.Completed);
    }

    [Fact]
    public void Malformed_Entries_Are_Reported_In_A_Warning_With_Their_Count()
    {
        // Given an answer that dropped 3 entries with unreadable timestamps
        using var tail = new TailHarness();
        tail.Api.MalformedAt[Start.AddSeconds(-5).ToUnixTimeMilliseconds()] = 3;

        // When tailing for 50 s, every poll re-reading them
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromSeconds(50));

        // Then one warning says how many were skipped (not one per poll)
        Assert.Contains("3 entries skipped: the timestamp is not an integer", Assert.Single(tail.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_Only_Filter_On_A_Training_Job_Is_Fatal_Before_Any_Request()
    {
        // Given a replica filter for a training job
        using var tail = new TailHarness(new TrainingJobTarget("p1", "j1"));

        // When tailing
        tail.Run(new TailOptions { Filters = new LogQuery { Replica = "r1" } });
        tail.Advance(TimeSpan.FromSeconds(1));

        // Then the stream ends with a bad-request Fatal naming the problem, without asking the API
        var fatal = tail.Statuses.Last();
        Assert.Equal((TailState.Fatal, ApiFailureKind.BadRequest), (fatal.State, fatal.Failure!.Value));
        Assert.Contains("only available for deployments", fatal.Message);
        Assert.Empty(tail.Api.Requests);
        Assert.Empty(tail.Api.JobRequests);
        Assert.True(tail.Completed);
    }

    [Fact]
    public void Local_Clock_Behind_The_Server_Does_Not_Hold_Back_New_Lines()
    {
        // Given a local clock 5 minutes behind the API's, and a line written 10 s into the tail
        using var tail = new TailHarness();
        var line = Line(Start.AddSeconds(10), "fresh");
        tail.Api.Add(line, visibleAt: Start.AddSeconds(10));

        // When tailing
        tail.Run(new TailOptions(), localClockSkew: TimeSpan.FromMinutes(-5));
        tail.Advance(TimeSpan.FromSeconds(13));

        // Then the line arrives at the first poll after it is written: live polls send no end, the server's now applies
        Assert.Equal(line, Assert.Single(tail.Emitted));
        Assert.Null(tail.Api.Requests.Last().Query.EndEpochMillis);
    }
}
