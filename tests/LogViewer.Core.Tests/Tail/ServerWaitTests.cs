using LogViewer.Core.Tail;
using LogViewer.Core.Tests.Api;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// Issue #14, rows "429 with Retry-After: 86400" and "429 with Retry-After: 5000000 or a date in 2099": over real
/// loopback HTTP, a server-asked wait is cut to the 60 s ceiling, the status says both, no value throws, and the
/// tail goes on to deliver its line exactly once.
/// </summary>
public sealed class ServerWaitTests
{
    public static TheoryData<string?, string, string> TooLong => new()
    {
        { "86400", "{}", "1 d" },
        { null, """{"error": "Rate limit exceeded. Please try again later.", "retry_after": 86400}""", "1 d" },
        { "5000000", "{}", "57 d 20 h" },
        { "Thu, 01 Jan 2099 00:00:00 GMT", "{}", "26337 d" },
        { null, """{"retry_after": 1e308}""", "36500 d" },
        { null, """{"retry_after": "86400"}""", "1 d" },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task A_Wait_Beyond_The_Ceiling_Is_Cut_To_60_Seconds_And_Said(string? header, string body, string asked)
    {
        // Given a server that rate-limits the first request asking for a very long wait, then answers
        await using var tail = await RateLimitedOnceAsync(header, body, "after the wait");

        // When tailing
        tail.Run(new TailOptions());
        await tail.UntilAsync(() => tail.Statuses.Count(s => s.State == TailState.Live) >= 3, "three live polls");

        // Then the wait was 60 s, the status said what the server asked and what is done...
        var retrying = Assert.Single(tail.Statuses, s => s.State == TailState.Retrying);
        Assert.Equal(TimeSpan.FromSeconds(60), retrying.RetryAt - retrying.At);
        Assert.Equal(RetryReason.RateLimited, retrying.Reason);
        Assert.True(retrying.Message.Contains($"the server asked to wait {asked}", StringComparison.Ordinal), retrying.Message);
        Assert.Contains("LogViewer waits at most 1 min", retrying.Message);
        Assert.Contains("Retry 1 in 1 min", retrying.Message);

        // ...and the tail went on: its line exactly once, no failure
        Assert.Equal(["after the wait"], tail.Emitted.Select(e => e.Message));
        Assert.Null(tail.Error);
        Assert.DoesNotContain(LoopbackTail.Key, tail.Transcript);
    }

    public static TheoryData<string?, string, string> Unreadable => new()
    {
        { "-5", "{}", "Retry-After \"-5\" is not a wait" },
        { "soon", "{}", "Retry-After \"soon\" is not a wait" },
        { "99999999999999999999", "{}", "is not a wait" },
        { "Thu, 01 Jan 1970 00:00:00 GMT", "{}", "retry after 0 s" },
        { null, """{"retry_after": -5}""", "retry_after -5 is not a wait" },
        { null, """{"retry_after": "1e400"}""", "is not a wait" },
        { null, """{"retry_after": {"seconds": 5}}""", "is not a wait" },
        { null, """{"retry_after": null}""", "HTTP 429" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_Negative_Past_Or_Malformed_Wait_Never_Throws_And_Backs_Off(string? header, string body, string said)
    {
        // Given a server whose first answer is a 429 with a wait that is no wait
        await using var tail = await RateLimitedOnceAsync(header, body, "after the backoff");

        // When tailing
        tail.Run(new TailOptions());
        await tail.UntilAsync(() => tail.Statuses.Count(s => s.State == TailState.Live) >= 2, "two live polls");

        // Then it retried after at most the first backoff step, said what it got, and went on
        var retrying = Assert.Single(tail.Statuses, s => s.State == TailState.Retrying);
        Assert.InRange(retrying.RetryAt!.Value - retrying.At, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Contains(said, retrying.Message);
        Assert.Equal(["after the backoff"], tail.Emitted.Select(e => e.Message));
        Assert.Null(tail.Error);
    }

    // A server holding one line whose first answer is a 429 with this header (when not null) and body.
    private static async Task<LoopbackTail> RateLimitedOnceAsync(string? header, string body, string line)
    {
        var tail = await LoopbackTail.StartAsync();
        tail.Lines.Add(Line(Start.AddMinutes(-1), line));
        tail.Hostile = async (context, n) =>
        {
            if (n > 1)
            {
                return false;
            }

            await CannedApiServer.Json(429, body, r =>
            {
                if (header is not null)
                {
                    r.Headers.RetryAfter = header;
                }
            })(context);
            return true;
        };
        return tail;
    }
}
