using System.Text.RegularExpressions;

namespace LogViewer.Simulator.Tests.Logs;

public sealed class GenerationTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Fact]
    public async Task Same_Seed_And_Clock_Give_The_Same_Lines()
    {
        await using var first = await SimulatorHarness.StartAsync(o => o with { Bursts = true });
        await using var second = await SimulatorHarness.StartAsync(o => o with { Bursts = true });
        await using var other = await SimulatorHarness.StartAsync(o => o with { Bursts = true, Seed = 7 });

        Assert.Equal(first.Server.GroundTruth(Path), second.Server.GroundTruth(Path));
        Assert.Equal(first.Server.GroundTruth(SimulatorCatalog.DemoTrainingJobLogsPath), second.Server.GroundTruth(SimulatorCatalog.DemoTrainingJobLogsPath));
        Assert.NotEqual(first.Server.GroundTruth(Path).Take(50), other.Server.GroundTruth(Path).Take(50));
    }

    [Fact]
    public async Task Lines_Do_Not_Depend_On_When_They_Were_Asked_For()
    {
        // Given two servers on the same seed, one read every few seconds and one read only at the end
        await using var stepped = await SimulatorHarness.StartAsync(o => o with { Bursts = true });
        await using var once = await SimulatorHarness.StartAsync(o => o with { Bursts = true });
        for (var i = 0; i < 20; i++)
        {
            stepped.Clock.Advance(TimeSpan.FromSeconds(3.7));
            once.Clock.Advance(TimeSpan.FromSeconds(3.7));
            await stepped.GetLogsAsync(Path, "limit=1");
        }

        // Then both hold exactly the same lines
        Assert.Equal(stepped.Server.GroundTruth(Path), once.Server.GroundTruth(Path));
    }

    [Fact]
    public async Task A_Prepared_Target_Is_Generated_Before_Any_Request_And_Holds_The_Same_Lines()
    {
        // Given a server told to prepare the demo deployment, and one that is not
        await using var prepared = await SimulatorHarness.StartAsync(o => o with { PrepareTargets = [Path] });
        await using var lazy = await SimulatorHarness.StartAsync();

        // Then the prepared one generates its history with no request asked (the other holds nothing until asked)
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (prepared.Server.HeldLines(Path) == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        Assert.InRange(prepared.Server.HeldLines(Path), 18_000, 30_000);
        Assert.Equal(0, lazy.Server.HeldLines(Path));
        Assert.Equal(0, prepared.Server.HeldLines(SimulatorCatalog.DemoTrainingJobLogsPath));

        // And both serve exactly the same lines
        Assert.Equal(lazy.Server.GroundTruth(Path), prepared.Server.GroundTruth(Path));
    }

    [Fact]
    public async Task Preparing_A_Path_No_Target_Has_Is_Refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHarness.StartAsync(o => o with { PrepareTargets = ["/v1/nope"] }));

        Assert.Contains("/v1/nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generation_Follows_The_Clock_Lazily()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromMinutes(1) });
        var before = sim.Server.GroundTruth(Path).Count;

        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = sim.Server.GroundTruth(Path).Count;

        // About 20 lines per second: 1,200 per minute
        Assert.InRange(before, 900, 1500);
        Assert.InRange(after - before, 900, 1500);
    }

    [Fact]
    public async Task Deployment_Lines_Have_Every_Shape_A_Viewer_Must_Handle()
    {
        // Given two hours of deployment history with bursts
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromHours(2), Bursts = true });

        var lines = sim.Server.GroundTruth(Path);

        var replicas = lines.Select(line => line.Replica).Distinct().ToList();
        Assert.Equal(3, replicas.Count);
        Assert.All(replicas, replica => Assert.Matches("^[a-z0-9]{5}$", replica));
        Assert.Equal([null, "DEBUG", "ERROR", "INFO", "WARNING"], lines.Select(line => line.Level).Distinct().Order());
        Assert.Contains(lines, line => line.RequestId is not null);
        Assert.Contains(lines, line => line.Message.StartsWith("Traceback (most recent call last):") && line.Level == "ERROR");
        Assert.Contains(lines, line => line.Message.Contains("\u001b[32m") && line.Message.Contains("\u001b[0m"));
        Assert.Contains(lines, line => line.Message.Contains("\u001b]0;pwned\u0007"));
        Assert.Contains(lines, line => line.Message.Contains("\u001b[2J"));
        Assert.Contains(lines, line => line.Message.StartsWith('{') && line.Message.EndsWith('}'));
        Assert.Contains(lines, line => Regex.IsMatch(line.Message, @"\p{IsCJKUnifiedIdeographs}"));
        Assert.Contains(lines, line => line.Message.Contains("🚀"));
        Assert.Contains(lines, line => line.Message.Contains('\t'));
        Assert.Contains(lines, line => line.Message.Length is >= 2048 and <= 10240 + 16);
        AssertBursts(lines);
    }

    [Fact]
    public async Task Training_Lines_Look_Like_A_Training_Run()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromHours(1) });

        var lines = sim.Server.GroundTruth(SimulatorCatalog.DemoTrainingJobLogsPath);

        Assert.Contains(lines, line => Regex.IsMatch(line.Message, @"step=\d+ epoch=\d+ loss=\d\.\d{4} lr="));
        Assert.Contains(lines, line => Regex.IsMatch(line.Message, @"Epoch \d+: +\d+%\|[# ]{10}\| \d+/1000 .*it/s\]\r"));
        Assert.Contains(lines, line => line.Message.Contains("Saving checkpoint"));
        Assert.Contains(lines, line => line.Message.Contains("NCCL INFO"));
        Assert.Contains(lines, line => line.Message.Contains("CUDA memory usage high") && line.Level == "WARNING");
        Assert.Contains(lines, line => line.Message.Contains("Pulling image"));
    }

    [Fact]
    public async Task Bursts_Off_Means_No_Millisecond_Holds_Many_Lines()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromHours(1), Bursts = false });

        var busiest = sim.Server.GroundTruth(Path).GroupBy(line => line.TimestampNanos / 1_000_000).Max(group => group.Count());

        Assert.True(busiest < 20, $"busiest millisecond held {busiest} lines");
    }

    [Fact]
    public async Task Retention_Forgets_Old_Lines_As_The_Clock_Moves()
    {
        // Given a 10-minute retention on a server with an hour of history
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromHours(1), Retention = TimeSpan.FromMinutes(10) });

        // When two hours pass
        sim.Clock.Advance(TimeSpan.FromHours(2));
        var lines = sim.Server.GroundTruth(Path);

        // Then only about the last ten minutes are kept (forgetting happens in batches)
        var oldestKept = DateTimeOffset.UnixEpoch.AddTicks(lines[0].TimestampNanos / 100);
        Assert.True(oldestKept >= sim.Clock.GetUtcNow() - TimeSpan.FromMinutes(15), $"oldest kept line is from {oldestKept}");
        Assert.InRange(lines.Count, 10_000, 20_000);
    }

    private static void AssertBursts(IReadOnlyList<GroundTruthLine> lines)
    {
        // Hundreds of lines inside one millisecond
        var busiestMillisecond = lines.GroupBy(line => line.TimestampNanos / 1_000_000).Max(group => group.Count());
        Assert.InRange(busiestMillisecond, 100, 3000);

        // More than a page (1,000) inside a few milliseconds
        var perFiveMs = lines.GroupBy(line => line.TimestampNanos / 5_000_000).Max(group => group.Count());
        Assert.True(perFiveMs > 1000, $"largest 5 ms burst held {perFiveMs} lines");

        // Ties on the same nanosecond exist and keep their generation order
        Assert.Contains(lines.Zip(lines.Skip(1)), pair => pair.First.TimestampNanos == pair.Second.TimestampNanos);
        Assert.True(lines.Zip(lines.Skip(1)).All(pair => pair.First.TimestampNanos <= pair.Second.TimestampNanos));
    }
}
