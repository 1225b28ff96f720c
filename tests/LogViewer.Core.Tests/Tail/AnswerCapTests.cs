using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Tail;
using LogViewer.Core.Tests.Api;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// Issue #14, row "a 200 MB answer; a gzip answer that inflates to 1 GB": over real loopback HTTP with the client's
/// cap set to 1 MB (the shipped cap is 64 MB; the whole-process peak-memory run against the simulator is in the
/// benchmarks README), an answer over the cap is abandoned at the cap, reported, and asked again with a smaller
/// limit, and every good line is delivered exactly once.
/// </summary>
public sealed class AnswerCapTests
{
    private const long Cap = 1 << 20;

    [Theory]
    [InlineData(OversizedForm.Streamed)]
    [InlineData(OversizedForm.DeclaredLength)]
    [InlineData(OversizedForm.Gzip)]
    public async Task An_Answer_Over_The_Cap_Is_Abandoned_And_Asked_Again_For_Fewer_Entries(OversizedForm form)
    {
        // Given 2,500 lines over two minutes, and a server that chokes on full pages: it answers every request
        // for 1000 entries with 40 MB (streamed, declared, or gzip inflating to it)
        await using var tail = await LoopbackTail.StartAsync();
        var lines = Enumerable.Range(0, 2500).Select(i => Line(Start.AddMinutes(-2).AddMilliseconds(i * 48), $"line {i}")).ToList();
        tail.Lines.AddRange(lines);
        tail.Hostile = async (context, _) =>
        {
            if (context.Request.Query["limit"] != "1000")
            {
                return false;
            }

            await CannedApiServer.WriteOversized(context.Response, 40L << 20, form);
            return true;
        };

        // When the range is read
        var started = DateTime.UtcNow;
        tail.Run(new TailOptions { FromEpochMillis = Start.AddMinutes(-3).ToUnixTimeMilliseconds(), Follow = false }, CappedClient);
        await tail.UntilAsync(() => tail.Completed, "the range to be read");

        // Then each oversized answer was reported and asked again at once for 100 entries...
        var reported = tail.Statuses.Where(s => s.State == TailState.Retrying).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, s => Assert.Contains("The API answered with more than 1 MB to a request for at most 1000 entries; the answer was abandoned at the cap; asking again for at most 100 entries", s.Message));
        Assert.All(reported, s => Assert.Equal(s.At, s.RetryAt));
        Assert.Contains(tail.Lines.Requests, r => r.Query.Limit == 100);

        // ...and every line arrived exactly once, in order, none invented, the range ended normally
        Assert.Equal(lines, tail.Emitted);
        Assert.Equal(TailState.Ended, tail.Statuses[^1].State);
        Assert.Null(tail.Error);

        // (abandoned at the cap: forty 40 MB answers were not read whole in this time on a loopback socket)
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Even_One_Entry_Over_The_Cap_Backs_Off_Keeps_Tailing_And_Recovers_To_Full_Pages()
    {
        // Given a server whose first 12 answers are all 5 MB, whatever the limit, and then honest
        await using var tail = await LoopbackTail.StartAsync();
        tail.Lines.Add(Line(Start.AddMinutes(-1), "after the storm"));
        tail.Hostile = async (context, n) =>
        {
            if (n > 12)
            {
                return false;
            }

            await CannedApiServer.WriteOversized(context.Response, 5L << 20, OversizedForm.Streamed);
            return true;
        };

        // When tailing
        tail.Run(new TailOptions(), CappedClient);
        await tail.UntilAsync(() => tail.Statuses.Count(s => s.State == TailState.Live) >= 8, "eight live polls");

        // Then the limit went 1000, 100, 10, 1, then backed off at one entry (said so), never gave up...
        var retrying = tail.Statuses.Where(s => s.State == TailState.Retrying).ToList();
        Assert.Equal([1000, 100, 10, 1, 1], RequestedLimits(tail).Take(5));
        Assert.Contains(retrying, s => s.Message.Contains("to a request for at most 1 entry", StringComparison.Ordinal) && s.RetryAt > s.At);

        // ...delivered its line once, and asks for full pages again after a few good answers
        Assert.Equal(["after the storm"], tail.Emitted.Select(e => e.Message));
        Assert.Equal(1000, RequestedLimits(tail)[^1]);
        Assert.Null(tail.Error);
    }

    // Every limit the server was asked for, in order, answered or not.
    private static List<int> RequestedLimits(LoopbackTail tail) =>
        tail.Server.Requests.Where(r => r.Path.EndsWith("/logs", StringComparison.Ordinal)).Select(r => int.Parse(r.Query["limit"][0], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static BasetenLogApiClient CappedClient(HttpClient http) =>
        new(http, new ApiCredential(LoopbackTail.Key, "test"), TimeProvider.System, Cap);
}
