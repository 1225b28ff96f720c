using System.Text.RegularExpressions;

namespace LogViewer.Simulator.Tests.Http;

public sealed class LogsFilterTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Fact]
    public async Task No_Min_Level_Returns_Lines_Without_A_Level_Too()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000");

        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, limit: 1000), page);
        Assert.Contains(page, line => line.Level is null);
    }

    [Theory]
    [InlineData("DEBUG")]
    [InlineData("INFO")]
    [InlineData("WARNING")]
    [InlineData("ERROR")]
    public async Task Min_Level_Keeps_Lines_At_Or_Above_It_And_Drops_Lines_Without_A_Level(string level)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&min_level={level}");

        var expected = Reference.Expected(sim.Server, Path, from, to, now, line => line.Level is not null && Reference.Rank(line.Level) >= Reference.Rank(level), limit: 1000);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page);
        Assert.DoesNotContain(page, line => line.Level is null);
    }

    [Fact]
    public async Task Replica_Filter_Keeps_Only_That_Replica()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);
        var replica = sim.Server.GroundTruth(Path)[0].Replica!;

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&replica={replica}");

        Assert.NotEmpty(page);
        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => line.Replica == replica, limit: 1000), page);
    }

    [Fact]
    public async Task Request_Id_Filter_Keeps_Only_That_Request()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);
        var requestId = sim.Server.GroundTruth(Path).Last(line => line.RequestId is not null && line.TimestampNanos / 1_000_000 >= from).RequestId!;

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&request_id={requestId}");

        Assert.NotEmpty(page);
        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => line.RequestId == requestId), page);
    }

    [Fact]
    public async Task Search_Pattern_Is_A_Regex_Found_Anywhere_In_The_Message()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);
        const string pattern = @"in \d{2}ms";

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&search_pattern={Uri.EscapeDataString(pattern)}");

        Assert.NotEmpty(page);
        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => Regex.IsMatch(line.Message, pattern), limit: 1000), page);
    }

    [Fact]
    public async Task Includes_Must_All_Appear_And_Are_Case_Sensitive()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&includes=Completed&includes=prompt_tokens=1");
        var wrongCase = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&includes=completed%20request");

        Assert.NotEmpty(page);
        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => line.Message.Contains("Completed") && line.Message.Contains("prompt_tokens=1"), limit: 1000), page);
        Assert.Empty(wrongCase);
    }

    [Fact]
    public async Task Excludes_Drop_Lines_Containing_Any_Of_Them()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&excludes=Completed&excludes=Received");

        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => !line.Message.Contains("Completed") && !line.Message.Contains("Received"), limit: 1000), page);
    }

    [Fact]
    public async Task Bracketed_Array_Spelling_Is_Accepted_And_Merged()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&includes[]=Completed&includes=in%20&excludes%5B%5D=prompt_tokens=1");

        Assert.NotEmpty(page);
        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => line.Message.Contains("Completed") && line.Message.Contains("in ") && !line.Message.Contains("prompt_tokens=1"), limit: 1000), page);
    }

    [Fact]
    public async Task All_Filters_Combine_With_And()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);
        var replica = sim.Server.GroundTruth(Path)[0].Replica!;
        const string pattern = "[0-9]+ms";

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&direction=asc&min_level=INFO&replica={replica}&search_pattern={Uri.EscapeDataString(pattern)}&includes=Completed&excludes=prompt_tokens%3D2");

        var expected = Reference.Expected(
            sim.Server, Path, from, to, now,
            line => Reference.Rank(line.Level) >= 2 && line.Replica == replica && Regex.IsMatch(line.Message, pattern)
                && line.Message.Contains("Completed") && !line.Message.Contains("prompt_tokens=2"),
            ascending: true,
            limit: 1000);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page);
    }

    [Fact]
    public async Task Filters_Apply_Before_The_Limit()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);

        var page = await sim.GetLogsAsync(Path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=3&min_level=WARNING");

        Assert.Equal(Reference.Expected(sim.Server, Path, from, to, now, line => Reference.Rank(line.Level) >= 3, limit: 3), page);
        Assert.Equal(3, page.Count);
    }

    [Fact]
    public async Task Training_Logs_Honour_Min_Level_And_Direction()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var (from, to, now) = Window(sim);
        const string path = SimulatorCatalog.DemoTrainingJobLogsPath;

        var page = await sim.GetLogsAsync(path, $"start_epoch_millis={from}&end_epoch_millis={to}&limit=1000&direction=asc&min_level=INFO");

        Assert.NotEmpty(page);
        Assert.Equal(Reference.Expected(sim.Server, path, from, to, now, line => Reference.Rank(line.Level) >= 2, ascending: true, limit: 1000), page);
    }

    private static (long From, long To, DateTimeOffset Now) Window(SimulatorHarness sim)
    {
        var now = sim.Clock.GetUtcNow();
        var to = now.ToUnixTimeMilliseconds();
        return (to - 600_000, to, now);
    }
}
