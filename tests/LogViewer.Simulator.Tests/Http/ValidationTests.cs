namespace LogViewer.Simulator.Tests.Http;

public sealed class ValidationTests
{
    private const string Deployment = SimulatorCatalog.DemoDeploymentLogsPath;
    private const string Training = SimulatorCatalog.DemoTrainingJobLogsPath;

    [Theory]
    [InlineData("start_epoch_millis=1000&end_epoch_millis=604801001", "7 days")]
    [InlineData("start_epoch_millis=2000&end_epoch_millis=1000", "start_epoch_millis")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("direction=up", "direction")]
    [InlineData("direction=ASC", "direction")]
    [InlineData("min_level=TRACE", "min_level")]
    [InlineData("min_level=info", "min_level")]
    [InlineData("search_pattern=%28unclosed", "search_pattern")]
    [InlineData("search_pattern=%28%3F%3C%3Da%29b", "search_pattern")]
    [InlineData("includes=1&includes=2&includes=3&includes=4&includes=5&includes=6&includes=7&includes=8&includes=9", "includes")]
    [InlineData("excludes=1&excludes=2&excludes=3&excludes=4&excludes=5&excludes[]=6&excludes[]=7&excludes[]=8&excludes[]=9", "excludes")]
    public async Task Bad_Parameter_Is_A_400_Naming_The_Problem(string query, string named)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync($"{Deployment}?{query}");

        Assert.Equal(400, status);
        Assert.Contains(named, body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("replica")]
    [InlineData("request_id")]
    [InlineData("search_pattern")]
    public async Task Text_Filter_Longer_Than_256_Characters_Is_A_400(string name)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync($"{Deployment}?{name}={new string('a', 257)}");
        var (okStatus, _) = await sim.GetJsonAsync($"{Deployment}?{name}={new string('a', 256)}");

        Assert.Equal(400, status);
        Assert.Contains(name, body.GetProperty("error").GetString());
        Assert.Equal(200, okStatus);
    }

    [Fact]
    public async Task Exactly_Seven_Days_Eight_Includes_And_Limits_1_And_1000_Are_Accepted()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var end = sim.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var eight = string.Join('&', Enumerable.Range(1, 8).Select(i => $"excludes=x{i}"));

        Assert.Equal(200, (await sim.GetJsonAsync($"{Deployment}?start_epoch_millis={end - 604_800_000}&end_epoch_millis={end}")).Status);
        Assert.Equal(200, (await sim.GetJsonAsync($"{Deployment}?{eight}&includes=a&includes=b")).Status);
        Assert.Equal(200, (await sim.GetJsonAsync($"{Deployment}?limit=1")).Status);
        Assert.Equal(200, (await sim.GetJsonAsync($"{Deployment}?limit=1000&component=model")).Status);
    }

    [Theory]
    [InlineData("limit", "abc")]
    [InlineData("limit", "1.5")]
    [InlineData("start_epoch_millis", "yesterday")]
    [InlineData("end_epoch_millis", "12e3")]
    public async Task Non_Integer_Number_Is_A_422_In_FastAPI_Shape(string name, string value)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync($"{Deployment}?{name}={value}");

        Assert.Equal(422, status);
        var detail = body.GetProperty("detail")[0];
        Assert.Equal(["query", name], detail.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("msg").GetString()));
        Assert.Equal("int_parsing", detail.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("replica=abcde")]
    [InlineData("request_id=r1")]
    [InlineData("search_pattern=loss")]
    [InlineData("includes=loss")]
    [InlineData("excludes[]=loss")]
    public async Task Training_Logs_Refuse_Deployment_Only_Filters(string query)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync($"{Training}?{query}");

        Assert.Equal(400, status);
        Assert.Contains(query.Split('=')[0], body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Training_Logs_Validate_Like_Deployment_Logs()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        Assert.Equal(400, (await sim.GetJsonAsync($"{Training}?limit=5000")).Status);
        Assert.Equal(422, (await sim.GetJsonAsync($"{Training}?limit=x")).Status);
        Assert.Equal(200, (await sim.GetJsonAsync($"{Training}?limit=10&direction=asc&min_level=WARNING")).Status);
    }

    [Fact]
    public async Task Extreme_Epoch_Values_Are_Answered_Not_Crashed_On()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (wide, body) = await sim.GetJsonAsync($"{Deployment}?start_epoch_millis={long.MinValue}&end_epoch_millis={long.MaxValue}");
        var (far, _) = await sim.GetJsonAsync($"{Deployment}?start_epoch_millis={long.MaxValue - 10}&end_epoch_millis={long.MaxValue}");
        var (tooBig, _) = await sim.GetJsonAsync($"{Deployment}?limit=99999999999999999999");

        Assert.Equal(400, wide);
        Assert.Contains("7 days", body.GetProperty("error").GetString());
        Assert.Equal(200, far);
        Assert.Equal(422, tooBig);
    }
}
