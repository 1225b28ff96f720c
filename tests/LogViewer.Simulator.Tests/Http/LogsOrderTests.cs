namespace LogViewer.Simulator.Tests.Http;

public sealed class LogsOrderTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Fact]
    public async Task No_Direction_Returns_Newest_First_Up_To_500()
    {
        // Given a server with 20 minutes of history at 20 lines per second
        await using var sim = await SimulatorHarness.StartAsync();

        // When logs are asked with no parameters
        var page = await sim.GetLogsAsync(Path, "");

        // Then the newest 500 visible lines come back, newest first
        var truth = sim.Server.GroundTruth(Path).Select(WireLine.From).ToList();
        Assert.Equal(500, page.Count);
        Assert.Equal(truth.TakeLast(500).Reverse(), page);
    }

    [Fact]
    public async Task Asc_Is_Timestamp_Order_And_Desc_Is_Its_Exact_Reverse()
    {
        // Given a server whose window holds ties (injected lines sharing one nanosecond)
        await using var sim = await SimulatorHarness.StartAsync();
        var now = sim.Clock.GetUtcNow();
        var at = (now.ToUnixTimeMilliseconds() - 60_000) * 1_000_000 + 123;
        sim.Server.AddLines(Path, Enumerable.Range(0, 5).Select(i => new SimulatedLine(at, $"tie {i}", "abcde", null, "INFO", now)));
        var query = $"start_epoch_millis={now.ToUnixTimeMilliseconds() - 70_000}&end_epoch_millis={now.ToUnixTimeMilliseconds() - 50_000}&limit=1000";

        // When the same window is read ascending and descending
        var ascending = await sim.GetLogsAsync(Path, query + "&direction=asc");
        var descending = await sim.GetLogsAsync(Path, query + "&direction=desc");

        // Then ascending is sorted by timestamp with ties in injection order, and descending is its mirror
        Assert.True(ascending.Count > 100);
        Assert.Equal(ascending.OrderBy(line => line.TimestampNanos), ascending);
        Assert.Equal(["tie 0", "tie 1", "tie 2", "tie 3", "tie 4"], ascending.Where(line => line.Message.StartsWith("tie ")).Select(line => line.Message));
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Fact]
    public async Task Limit_Takes_The_First_N_In_The_Asked_Order()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var all = await sim.GetLogsAsync(Path, "direction=asc&limit=1000");

        var first = await sim.GetLogsAsync(Path, "direction=asc&limit=7");

        Assert.Equal(all.Take(7), first);
    }
}
