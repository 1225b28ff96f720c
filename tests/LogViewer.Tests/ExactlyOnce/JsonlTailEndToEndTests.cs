using System.Globalization;
using LogViewer.Simulator;
using Xunit.Abstractions;

namespace LogViewer.Tests.ExactlyOnce;

/// <summary>
/// Issue #3's promise, end to end: <c>logviewer deployment ... --output jsonl</c> against the simulated API over
/// loopback, compared line by line with the simulator's ground truth. Real time, real HTTP: these run for about a
/// minute each and their timeouts are safety nets, not measurements.
/// </summary>
public sealed class JsonlTailEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Every_Line_Is_Printed_Exactly_Once_Through_Lag_Bursts_Rate_Limits_Server_Errors_And_An_Outage()
    {
        // Given a deployment whose lines become visible up to 4 s late, with bursts larger than a page
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 20261122,
            History = TimeSpan.FromMinutes(4),
            LinesPerSecond = 40,
            Bursts = true,
            IngestionLagMax = TimeSpan.FromSeconds(4),
        }, CancellationToken.None);
        var capture = new SynchronizedCapture();
        using var cli = new CliHarness { Out = capture };
        cli.Variables["BASETEN_API_KEY"] = server.ApiKey;
        var fromMs = startedAt.AddMinutes(-3).ToUnixTimeMilliseconds();
        using var stop = new CancellationTokenSource();

        // When logviewer tails it as jsonl while the server goes through every fault (429 with header and with body,
        // HTML 502, JSON 5xx, slow answers, a 20 s outage, a random mix), then until it has caught up
        var run = cli.RunAsync(stop.Token, "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId,
            "--api-url", server.BaseAddress.ToString(), "--from", fromMs.ToString(CultureInfo.InvariantCulture), "--output", "jsonl");
        await FaultScript.RunAsync(server, outage: TimeSpan.FromSeconds(20), randomMix: TimeSpan.FromSeconds(10));
        var cutoffMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var comparison = await WaitUntilNothingIsMissingAsync(server, capture, fromMs, cutoffMs);
        stop.Cancel();
        var result = await run;

        // Then nothing is missing, duplicated or invented, and the client said it was retrying
        output.WriteLine($"{comparison}; tailed {(DateTimeOffset.UtcNow - startedAt).TotalSeconds:0} s; requests {server.Requests.Count}: {Statuses(server)}");
        Assert.Equal(0, result.ExitCode);
        Assert.True(comparison.Expected > 8_000, $"the range should hold thousands of lines: {comparison}");
        Assert.Equal(0, comparison.Missing);
        Assert.Equal(0, comparison.Duplicated);
        Assert.Equal(0, comparison.Invented);
        Assert.Equal(0, comparison.OutOfRange);
        Assert.Contains(result.ErrorLines, line => RetryLine(line, "HTTP 429"));
        Assert.Contains(result.ErrorLines, line => RetryLine(line, "HTTP 500") || RetryLine(line, "HTTP 503"));
        Assert.Contains(result.ErrorLines, line => RetryLine(line, "502"));
        Assert.DoesNotContain(server.ApiKey, result.Out + result.Error);
    }

    [Fact]
    public async Task Pages_Immediately_While_Behind_Then_Polls_At_The_Interval_Once_Caught_Up()
    {
        // Given an hour of history (about 18 pages) and a quiet live rate that fits one page per poll
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Seed = 7,
            History = TimeSpan.FromMinutes(65),
            LinesPerSecond = 5,
            Bursts = false,
        }, CancellationToken.None);
        var capture = new SynchronizedCapture();
        using var cli = new CliHarness { Out = capture };
        cli.Variables["BASETEN_API_KEY"] = server.ApiKey;
        var fromMs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        using var stop = new CancellationTokenSource();

        // When it tails from an hour ago with a 3 s poll interval, until caught up and then 12 s more
        var run = cli.RunAsync(stop.Token, "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId,
            "--api-url", server.BaseAddress.ToString(), "--from", fromMs.ToString(CultureInfo.InvariantCulture),
            "--poll-interval", "3s", "--output", "jsonl");
        var cutoffMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var comparison = await WaitUntilNothingIsMissingAsync(server, capture, fromMs, cutoffMs);
        var caughtUpAt = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(12));
        stop.Cancel();
        await run;

        // Then the backlog's pages follow each other at once, and the live polls come one interval apart
        var logRequests = server.Requests.Where(request => request.Path.EndsWith("/logs", StringComparison.Ordinal)).ToList();
        var backlog = logRequests.Where(request => request.At <= caughtUpAt).ToList();
        var live = logRequests.Where(request => request.At > caughtUpAt.AddSeconds(1)).ToList();
        var backlogGaps = Gaps(backlog);
        var liveGaps = Gaps(live);
        output.WriteLine($"{comparison}; backlog {backlog.Count} requests, gaps ms: {string.Join(' ', backlogGaps.Select(g => (int)g.TotalMilliseconds))}");
        output.WriteLine($"live {live.Count} requests, gaps ms: {string.Join(' ', liveGaps.Select(g => (int)g.TotalMilliseconds))}");
        Assert.Equal(0, comparison.Missing);
        Assert.True(backlog.Count >= 15, $"an hour at 5 lines/s needs at least 15 pages, saw {backlog.Count}");
        var median = backlogGaps.Order().ElementAt(backlogGaps.Count / 2);
        Assert.True(median < TimeSpan.FromSeconds(1), $"pages while behind should follow at once; median gap {median}");
        Assert.True(live.Count >= 2, $"expected live polls after catching up, saw {live.Count}");
        Assert.All(liveGaps, gap => Assert.True(gap >= TimeSpan.FromSeconds(2.9), $"live polls should be 3 s apart, one was {gap}"));
        Assert.All(live, request => Assert.Equal(["asc"], request.Query["direction"]));
        Assert.All(live, request => Assert.Equal(["1000"], request.Query["limit"]));
    }

    private static async Task<GroundTruthComparison> WaitUntilNothingIsMissingAsync(SimulatorServer server, SynchronizedCapture capture, long fromMs, long cutoffMs)
    {
        var deadline = DateTimeOffset.UtcNow + CatchUpLimit;
        while (true)
        {
            var comparison = GroundTruthComparison.Of(server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath), capture.CompleteLines(), fromMs, cutoffMs);
            if (comparison.Missing == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return comparison;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static bool RetryLine(string line, string cause) =>
        line.Contains(cause, StringComparison.Ordinal) && line.Contains("Retry", StringComparison.OrdinalIgnoreCase);

    private static List<TimeSpan> Gaps(List<RecordedRequest> requests) =>
        requests.Zip(requests.Skip(1), (a, b) => b.At - a.At).ToList();

    private static string Statuses(SimulatorServer server) =>
        string.Join(", ", server.Requests.GroupBy(request => request.StatusCode).OrderBy(group => group.Key).Select(group => $"{group.Key}x{group.Count()}"));
}
