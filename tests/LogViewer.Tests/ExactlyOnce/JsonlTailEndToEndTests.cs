using System.Globalization;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
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
    public async Task Reads_An_Hour_Of_History_In_Pages_Then_Goes_On_Polling_Live()
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

        // When it tails from an hour ago with a 3 s poll interval, until caught up and two live polls more
        var run = cli.RunAsync(stop.Token, "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId,
            "--api-url", server.BaseAddress.ToString(), "--from", fromMs.ToString(CultureInfo.InvariantCulture),
            "--poll-interval", "3s", "--output", "jsonl");
        var cutoffMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var comparison = await WaitUntilNothingIsMissingAsync(server, capture, fromMs, cutoffMs);
        var caughtUpAt = DateTimeOffset.UtcNow;
        var live = await LivePollsAsync(server, caughtUpAt.AddSeconds(1), count: 2);
        stop.Cancel();
        await run;

        // Then the backlog came in pages and the tail went on polling live. How far apart the requests are is the
        // virtual-time tests' business (TailEngineTests); wall-clock gaps on a shared machine prove nothing.
        var backlog = LogRequests(server).Where(request => request.At <= caughtUpAt).ToList();
        output.WriteLine($"{comparison}; backlog {backlog.Count} requests, live {live.Count}");
        Assert.Equal(0, comparison.Missing);
        Assert.True(backlog.Count >= 15, $"an hour at 5 lines/s needs at least 15 pages, saw {backlog.Count}");
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

    private static List<RecordedRequest> LogRequests(SimulatorServer server) =>
        [.. server.Requests.Where(request => request.Path.EndsWith("/logs", StringComparison.Ordinal))];

    /// <summary>Waits (a safety net of 60 s, not a timing assertion) for <paramref name="count"/> log requests after <paramref name="after"/>.</summary>
    private static async Task<List<RecordedRequest>> LivePollsAsync(SimulatorServer server, DateTimeOffset after, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var live = LogRequests(server).Where(request => request.At > after).ToList();
            if (live.Count >= count)
            {
                return live;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"waited 60 s for {count} live log requests after catching up; saw {live.Count}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static string Statuses(SimulatorServer server) =>
        string.Join(", ", server.Requests.GroupBy(request => request.StatusCode).OrderBy(group => group.Key).Select(group => $"{group.Key}x{group.Count()}"));
}
