using LogViewer.Core.Api;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEngineRetryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static LogApiException Failure(ApiFailureKind kind, int? status = null, TimeSpan? retryAfter = null) =>
        new(kind, $"{kind} from the test API.", status, retryAfter);

    [Fact]
    public void Rate_Limit_Waits_What_The_Server_Said_Then_Goes_On()
    {
        // Given a 429 asking to wait 37 s (from the Retry-After header or the body's retry_after: the client maps both here)
        using var tail = new TailHarness();
        tail.Api.Add(Line(Start.AddMinutes(-1), "hello"));
        tail.Api.Failures.Enqueue(Failure(ApiFailureKind.RateLimited, 429, TimeSpan.FromSeconds(37)));

        // When tailing
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromSeconds(36.9));

        // Then the status says rate limited until 37 s, and nothing is sent before then
        var retrying = tail.Statuses.Last();
        Assert.Equal((TailState.Retrying, RetryReason.RateLimited, Start.AddSeconds(37)), (retrying.State, retrying.Reason, retrying.RetryAt!.Value));
        Assert.Single(tail.Api.Requests);

        // ...and at 37 s it asks again and goes on
        tail.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(Start.AddSeconds(37), tail.Api.Requests[1].At);
        Assert.Equal("hello", Assert.Single(tail.Emitted).Message);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
    }

    [Fact]
    public void Rate_Limit_Without_Retry_After_Backs_Off()
    {
        // Given a 429 that does not say how long to wait
        using var tail = new TailHarness();
        tail.Api.Failures.Enqueue(Failure(ApiFailureKind.RateLimited, 429));

        // When tailing
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromSeconds(5));

        // Then it waits the first backoff step (1 s, jittered) rather than hammering or giving up
        var gap = tail.Api.Requests[1].At - tail.Api.Requests[0].At;
        Assert.InRange(gap, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2));
        Assert.Equal(RetryReason.RateLimited, tail.Statuses.Single(s => s.State == TailState.Retrying).Reason);
    }

    [Fact]
    public void Backoff_Grows_Is_Capped_And_Resets_After_A_Success()
    {
        // Given 12 server errors in a row
        using var tail = new TailHarness();
        for (var i = 0; i < 12; i++)
        {
            tail.Api.Failures.Enqueue(Failure(ApiFailureKind.ServerError, 503));
        }

        // When tailing through them
        tail.Run(new TailOptions { MaxBackoff = TimeSpan.FromSeconds(30) });
        tail.Advance(TimeSpan.FromMinutes(10));
        var gaps = Gaps(tail);
        output.WriteLine(string.Join(", ", gaps));

        // Then the waits grow, never exceed the cap and reach it
        Assert.True(gaps[3] > gaps[0] * 4, $"the 4th wait ({gaps[3]}) should be more than 4 times the first ({gaps[0]})");
        Assert.All(gaps.Take(12), g => Assert.True(g <= TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), gaps[11]);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);

        // ...and after a success the next failure starts from the first step again
        var before = tail.Api.Requests.Count;
        tail.Api.Failures.Enqueue(Failure(ApiFailureKind.Network));
        tail.Advance(TimeSpan.FromSeconds(10));
        var afterReset = tail.Api.Requests[before].At - tail.Api.Requests[before - 1].At;
        Assert.Equal(gaps[0], tail.Api.Requests[before + 1].At - tail.Api.Requests[before].At);
        Assert.Equal(TimeSpan.FromSeconds(2), afterReset);
    }

    [Fact]
    public void Day_Long_Outage_Keeps_Retrying_At_The_Cap_And_Recovers()
    {
        // Given 3000 failures in a row (a day at the 30 s cap)
        using var tail = new TailHarness();
        for (var i = 0; i < 3000; i++)
        {
            tail.Api.Failures.Enqueue(Failure(ApiFailureKind.Network));
        }

        tail.Api.Add(Line(Start.AddHours(25), "after the outage"));

        // When tailing through them
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromHours(26));

        // Then every wait stays within the cap, and the tail recovers and reads on
        Assert.All(Gaps(tail).Take(3000), g => Assert.InRange(g, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)));
        Assert.Equal("after the outage", Assert.Single(tail.Emitted).Message);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
    }

    [Theory]
    [InlineData(ApiFailureKind.ServerError, RetryReason.ServerError)]
    [InlineData(ApiFailureKind.InvalidResponse, RetryReason.ServerError)]
    [InlineData(ApiFailureKind.Timeout, RetryReason.Network)]
    [InlineData(ApiFailureKind.Network, RetryReason.Network)]
    public void Transient_Failure_Is_Reported_As_Retrying_With_Its_Reason(ApiFailureKind kind, RetryReason reason)
    {
        // Given one transient failure
        using var tail = new TailHarness();
        tail.Api.Failures.Enqueue(Failure(kind));

        // When tailing
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMilliseconds(10));

        // Then the status says why and until when, and the stream goes on
        var status = tail.Statuses.Last();
        Assert.Equal((TailState.Retrying, reason), (status.State, status.Reason));
        Assert.Contains($"{kind} from the test API", status.Message);
        tail.Advance(TimeSpan.FromSeconds(3));
        // (a TimeProvider timer counts whole milliseconds, so the retry happens up to 1 ms before the exact RetryAt)
        Assert.InRange(status.RetryAt!.Value - tail.Api.Requests[1].At, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
        Assert.False(tail.Completed);
    }

    [Theory]
    [InlineData(ApiFailureKind.Unauthorized, 401)]
    [InlineData(ApiFailureKind.NotFound, 404)]
    [InlineData(ApiFailureKind.BadRequest, 400)]
    public void Fatal_Failure_Ends_The_Stream_With_Its_Kind_And_Message(ApiFailureKind kind, int status)
    {
        // Given a failure that retrying cannot fix
        using var tail = new TailHarness();
        tail.Api.Failures.Enqueue(Failure(kind, status));

        // When tailing
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(1));

        // Then the last event is a Fatal status with the failure, the stream completes, and nothing more is asked
        var fatal = Assert.IsType<TailStatus>(tail.Events.Last());
        Assert.Equal((TailState.Fatal, kind, $"{kind} from the test API."), (fatal.State, fatal.Failure!.Value, fatal.Message));
        Assert.True(tail.Completed);
        Assert.Null(tail.Error);
        Assert.Single(tail.Api.Requests);
    }

    [Fact]
    public void Lines_Written_During_An_Outage_Arrive_Once_After_It()
    {
        // Given a line every 500 ms for 80 s, and an outage (8 network failures, about 90 s of backoff) starting 10 s in
        using var tail = new TailHarness();
        var lines = Enumerable.Range(0, 160).Select(i => Line(Start.AddMilliseconds(500 * i), $"line {i}")).ToList();
        foreach (var line in lines)
        {
            tail.Api.Add(line, visibleAt: Nanos(line).AddSeconds(1));
        }

        tail.Run(new TailOptions { FromEpochMillis = Start.ToUnixTimeMilliseconds() });
        tail.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 8; i++)
        {
            tail.Api.Failures.Enqueue(Failure(ApiFailureKind.Network));
        }

        // When the outage passes and the tail runs on to 200 s
        tail.Advance(TimeSpan.FromSeconds(190));

        // Then it retried, and every line arrived exactly once, in order
        Assert.Contains(tail.Statuses, s => s.State == TailState.Retrying);
        Assert.Equal(lines, tail.Emitted);
    }

    private static DateTimeOffset Nanos(Model.LogEntry line) => Model.Nanos.ToDateTimeOffset(line.TimestampNanos);

    private static List<TimeSpan> Gaps(TailHarness tail) =>
        tail.Api.Requests.Zip(tail.Api.Requests.Skip(1)).Select(p => p.Second.At - p.First.At).ToList();
}
