namespace LogViewer.Simulator.Tests.Http;

public sealed class LogsWindowTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Fact]
    public async Task Window_Includes_Both_End_Milliseconds_Down_To_The_Last_Nanosecond()
    {
        // Given marker lines just inside and just outside a window [start, end] in milliseconds
        await using var sim = await SimulatorHarness.StartAsync();
        var now = sim.Clock.GetUtcNow();
        var start = now.ToUnixTimeMilliseconds() - 300_000;
        var end = start + 1_000;
        sim.Server.AddLines(Path,
        [
            new SimulatedLine((start * 1_000_000) - 1, "edge before-start", "abcde", null, "INFO", now),
            new SimulatedLine(start * 1_000_000, "edge at-start", "abcde", null, "INFO", now),
            new SimulatedLine((end * 1_000_000) + 999_999, "edge last-ns-of-end", "abcde", null, "INFO", now),
            new SimulatedLine((end + 1) * 1_000_000, "edge after-end", "abcde", null, "INFO", now),
        ]);

        // When the window is read, filtered to the markers
        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={start}&end_epoch_millis={end}&direction=asc&includes=edge%20");

        // Then exactly the two lines whose millisecond lies in [start, end] come back
        Assert.Equal(["edge at-start", "edge last-ns-of-end"], page.Select(line => line.Message));
    }

    [Fact]
    public async Task Start_Equal_To_End_Is_A_One_Millisecond_Window()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var now = sim.Clock.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds() - 10_000;
        sim.Server.AddLines(Path, Enumerable.Range(0, 3).Select(i => new SimulatedLine((ms * 1_000_000) + (i * 300_000), $"one-ms {i}", null, null, null, now)));

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={ms}&end_epoch_millis={ms}&direction=asc");

        Assert.Equal(Reference.Expected(sim.Server, Path, ms, ms, now, ascending: true), page);
        Assert.Equal(3, page.Count(line => line.Message.StartsWith("one-ms ")));
    }

    [Fact]
    public async Task Default_Window_Is_The_Thirty_Minutes_Ending_Now()
    {
        // Given 40 minutes of history and markers 30 minutes ago exactly and one millisecond before that
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromMinutes(40) });
        var now = sim.Clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var startMs = nowMs - 1_800_000;
        sim.Server.AddLines(Path,
        [
            new SimulatedLine((startMs - 1) * 1_000_000, "marker too-old", null, null, "INFO", now),
            new SimulatedLine(startMs * 1_000_000, "marker oldest-in", null, null, "INFO", now),
        ]);

        // When logs are asked without start or end
        var markers = await sim.GetLogsAsync(Path, "includes=marker");
        var oldest = await sim.GetLogsAsync(Path, "direction=asc&limit=5");

        // Then the window is [now - 30 min, now]
        Assert.Equal(["marker oldest-in"], markers.Select(line => line.Message));
        Assert.Equal(Reference.Expected(sim.Server, Path, startMs, nowMs, now, ascending: true, limit: 5), oldest);
    }

    [Fact]
    public async Task Only_End_Given_Means_The_Thirty_Minutes_Before_It()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromMinutes(50) });
        var now = sim.Clock.GetUtcNow();
        var end = now.ToUnixTimeMilliseconds() - 600_000;

        var page = await sim.GetLogsAsync(Path, $"end_epoch_millis={end}&direction=asc&limit=1000");

        Assert.Equal(Reference.Expected(sim.Server, Path, end - 1_800_000, end, now, ascending: true, limit: 1000), page);
    }

    [Fact]
    public async Task Lines_In_The_Future_Are_Not_Generated_Or_Returned()
    {
        // Given a clock at T
        await using var sim = await SimulatorHarness.StartAsync();
        var now = sim.Clock.GetUtcNow();

        // When a window reaching an hour past now is read
        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={now.ToUnixTimeMilliseconds() - 1000}&end_epoch_millis={now.ToUnixTimeMilliseconds() + 3_600_000}&direction=asc&limit=1000");

        // Then nothing after now exists
        Assert.All(page, line => Assert.True(line.EpochMillis <= now.ToUnixTimeMilliseconds()));
        Assert.All(sim.Server.GroundTruth(Path), line => Assert.True(line.TimestampNanos <= now.ToUnixTimeMilliseconds() * 1_000_000));
    }
}
