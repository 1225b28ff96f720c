namespace LogViewer.Simulator.Tests.Logs;

public sealed class IngestionLagTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Fact]
    public async Task A_Line_Is_Hidden_Until_Its_VisibleAt()
    {
        // Given lines that become visible 5 to 20 s after their timestamps
        await using var sim = await SimulatorHarness.StartAsync(o => o with { IngestionLagMin = TimeSpan.FromSeconds(5), IngestionLagMax = TimeSpan.FromSeconds(20) });
        var now = sim.Clock.GetUtcNow();
        var from = now.ToUnixTimeMilliseconds() - 60_000;
        var to = now.ToUnixTimeMilliseconds();

        // When the last minute is read
        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&direction=asc");

        // Then exactly the lines visible by now come back, and the last 5 s are all still hidden
        var truth = sim.Server.GroundTruth(Path);
        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, ascending: true, limit: 1000), page);
        Assert.All(truth, line =>
        {
            var lag = line.VisibleAt - DateTimeOffset.UnixEpoch.AddTicks(line.TimestampNanos / 100);
            Assert.InRange(lag, TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1), TimeSpan.FromSeconds(20) + TimeSpan.FromTicks(1));
        });
        Assert.DoesNotContain(page, line => line.EpochMillis > to - 5_000);
        Assert.Contains(truth, line => line.TimestampNanos / 1_000_000 > to - 5_000);
    }

    [Fact]
    public async Task Late_Lines_Appear_Behind_Lines_Already_Seen()
    {
        // Given lags up to 20 s, and a first read of the last 30 s
        await using var sim = await SimulatorHarness.StartAsync(o => o with { IngestionLagMin = TimeSpan.Zero, IngestionLagMax = TimeSpan.FromSeconds(20) });
        var to = sim.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = $"start_epoch_millis={to - 30_000}&end_epoch_millis={to}&limit=1000&direction=asc";
        var before = await sim.GetLogsAsync(Path, query);

        // When 30 s pass and the same window is read again
        sim.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await sim.GetLogsAsync(Path, query);

        // Then lines older than the newest line seen the first time have appeared
        var newestSeen = before.Max(line => line.TimestampNanos);
        var late = after.Except(before).ToList();
        Assert.Contains(late, line => line.TimestampNanos < newestSeen);
        Assert.Empty(before.Except(after));
        Assert.Equal(Reference.Expected(sim.Server, Path, to - 30_000, to, sim.Clock.GetUtcNow(), ascending: true, limit: 1000), after);
    }

    [Fact]
    public async Task Injected_Line_Becomes_Visible_Exactly_At_VisibleAt()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var now = sim.Clock.GetUtcNow();
        var ts = (now.ToUnixTimeMilliseconds() - 1_000) * 1_000_000;
        sim.Server.AddLines(Path, [new SimulatedLine(ts, "late one", "abcde", "req-1", "INFO", now + TimeSpan.FromSeconds(3))]);
        var query = "includes=late%20one";

        var hidden = await sim.GetLogsAsync(Path, query);
        sim.Clock.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));
        var stillHidden = await sim.GetLogsAsync(Path, query);
        sim.Clock.Advance(TimeSpan.FromTicks(1));
        var shown = await sim.GetLogsAsync(Path, query);

        Assert.Empty(hidden);
        Assert.Empty(stillHidden);
        Assert.Equal([new WireLine(ts, "late one", "abcde", "req-1", "INFO")], shown);
    }
}
