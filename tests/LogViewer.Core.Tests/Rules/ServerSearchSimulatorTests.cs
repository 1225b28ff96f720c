using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Store;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Core.Tests.Rules;

/// <summary><c>:search-server</c> against the simulator on loopback: what it sends (the request journal) and what joins the store (its ground truth).</summary>
public sealed class ServerSearchSimulatorTests : IAsyncLifetime
{
    private static readonly DeploymentTarget Deployment = new(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId);
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(
            new SimulatorOptions { History = TimeSpan.FromHours(3), LinesPerSecond = 2, Bursts = false },
            CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_Match_Two_Hours_Before_The_Loaded_Window_Joins_The_Store_Exactly_Once_With_The_Rules_Sent_As_Filters()
    {
        // Given: marker lines two hours ago (two identical copies among them) and ten minutes ago,
        // a store holding the last 30 minutes as the tail would, and rules the API can apply.
        var now = DateTimeOffset.UtcNow;
        var old = Nanos(now.AddHours(-2));
        var recent = Nanos(now.AddMinutes(-10));
        SimulatedLine Marker(long at, string text, string level = "ERROR") => new(at, text, "r-1", null, level, now.AddHours(-3));
        _server.AddLines(SimulatorCatalog.DemoDeploymentLogsPath,
        [
            Marker(old, "CUDA OOM-marker on rank 3"), Marker(old, "CUDA OOM-marker on rank 3"), Marker(old + 5, "OOM-marker NCCL abort"),
            Marker(old + 9, "OOM-marker retry", "WARNING"), Marker(old + 11, "OOM-marker debug", "DEBUG"),
            Marker(recent, "OOM-marker again"), Marker(recent + 1, "OOM-marker again"),
        ]);
        var store = new LogStore();
        store.Add(Truth().Where(line => line.TimestampNanos >= Nanos(now.AddMinutes(-30))).ToList());
        var rules = RuleSet.Empty.Add(FilterRule.In("OOM-marker")).Add(FilterRule.Out("NCCL")).Add(FilterRule.Out("tqdm")) with { MinimumLevel = LogLevel.Warning };
        var plan = ServerPushdown.Plan(rules, Deployment);

        // When: the server search runs over the default 7 days and joins the store.
        using var http = Http();
        var result = await new ServerSearch(Api(http), Deployment, DefaultScheduler.Instance).RunAsync(plan.Filters, ServerSearch.DefaultDuration, null, CancellationToken.None);
        var added = SearchJoin.Join(store, result.Entries, store.Current.TimestampAt(store.Current.Count - 1) - 60_000_000_000L);

        // Then: every request carried the pushed-down filters, newest first, paged, within the API's 7-day window.
        var requests = _server.Requests.Where(r => r.Path == SimulatorCatalog.DemoDeploymentLogsPath).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            Assert.Equal(["OOM-marker"], r.Query["includes"]);
            Assert.Equal(["NCCL"], r.Query["excludes"]);
            Assert.Equal(["WARNING"], r.Query["min_level"]);
            Assert.Equal(["desc"], r.Query["direction"]);
            Assert.Equal(["1000"], r.Query["limit"]);
            Assert.True(long.Parse(r.Query["end_epoch_millis"][0]) - long.Parse(r.Query["start_epoch_millis"][0]) <= 7 * 24 * 3600 * 1000L);
        });
        Assert.Equal([true, true, false], plan.Rules.Select(r => r.Sent));

        // And: the store holds each matching ground-truth line exactly once: the old ones added, the held ones not doubled.
        var expected = Truth().Where(line => line.Message.Contains("OOM-marker", StringComparison.Ordinal) && !line.Message.Contains("NCCL", StringComparison.Ordinal)
            && line.Level >= LogLevel.Warning).ToList();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, Held(store).Where(line => line.Message.Contains("OOM-marker", StringComparison.Ordinal) && line.Level >= LogLevel.Warning));
        Assert.Equal(3, added.Count);
        Assert.False(result.HitLimit);
    }

    [Fact]
    public async Task The_Search_Stops_After_Ten_Thousand_Lines_Newest_First_Each_Once()
    {
        // Given: about 21,600 lines over three hours and no filter at all.
        // When: the search runs.
        using var http = Http();
        var result = await new ServerSearch(Api(http), Deployment, DefaultScheduler.Instance).RunAsync(new LogQuery(), TimeSpan.FromDays(1), null, CancellationToken.None);

        // Then: it stopped at the documented number of lines, and they are the newest ground-truth lines of its window, each once.
        Assert.True(result.HitLimit);
        Assert.Equal(ServerSearch.MaxMatches, result.Entries.Count);
        var expected = Truth().Where(line => line.EpochMillis <= result.ToEpochMillis).TakeLast(ServerSearch.MaxMatches).ToList();
        Assert.Equal(expected, result.Entries);
        var ends = _server.Requests.Where(r => r.Path == SimulatorCatalog.DemoDeploymentLogsPath).Select(r => long.Parse(r.Query["end_epoch_millis"][0])).ToList();
        Assert.Equal(result.Requests, ends.Count);
        Assert.Equal(ends.OrderDescending(), ends);
        Assert.InRange(result.Requests, 10, 12);
    }

    private BasetenLogApiClient Api(HttpClient http) => new(http, new ApiCredential(_server.ApiKey, "test"));

    private HttpClient Http() => new() { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private List<LogEntry> Truth() => _server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath)
        .Select(l => new LogEntry(l.TimestampNanos, l.Message, l.Replica, l.RequestId, LogLevels.FromApi(l.Level))).ToList();

    private static List<LogEntry> Held(LogStore store) => Enumerable.Range(0, store.Current.Count).Select(i => store.Current.GetRow(i).ToLogEntry()).ToList();

    private static long Nanos(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1_000_000;
}
