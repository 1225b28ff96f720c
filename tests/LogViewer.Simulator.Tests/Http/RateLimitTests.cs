using System.Net;

namespace LogViewer.Simulator.Tests.Http;

public sealed class RateLimitTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath + "?limit=1";

    [Fact]
    public async Task The_101st_Request_Within_One_Second_Is_A_429_With_Retry_After_In_The_Body()
    {
        // Given a frozen clock: every request falls in the same second
        await using var sim = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(200, (await sim.GetJsonAsync(Path)).Status);
        }

        // When one more is sent
        using var response = await sim.Client.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // Then it is refused as Baseten documents, without a Retry-After header by default
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Rate limit exceeded. Please try again later.", body.GetProperty("error").GetString());
        Assert.True(body.GetProperty("retry_after").GetInt32() >= 1);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_Window_Slides_With_The_Clock()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 50; i++)
        {
            await sim.GetJsonAsync(Path);
        }

        sim.Clock.Advance(TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(200, (await sim.GetJsonAsync(Path)).Status);
        }

        Assert.Equal(429, (await sim.GetJsonAsync(Path)).Status);
        sim.Clock.Advance(TimeSpan.FromMilliseconds(501));
        // The first 50 left the window; the second 50 are still in it.
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(200, (await sim.GetJsonAsync(Path)).Status);
        }

        Assert.Equal(429, (await sim.GetJsonAsync(Path)).Status);
    }

    [Fact]
    public async Task The_Limit_Counts_Per_Endpoint()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        for (var i = 0; i < 100; i++)
        {
            await sim.GetJsonAsync(Path);
        }

        Assert.Equal(429, (await sim.GetJsonAsync(Path)).Status);
        Assert.Equal(200, (await sim.GetJsonAsync(SimulatorCatalog.DemoTrainingJobLogsPath + "?limit=1")).Status);
    }

    [Fact]
    public async Task Retry_After_Header_Is_Sent_When_Asked()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { RateLimitPerSecond = 2 });
        sim.Server.Faults.RetryAfterInHeader = true;
        await sim.GetJsonAsync(Path);
        await sim.GetJsonAsync(Path);

        using var response = await sim.Client.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Zero_Turns_The_Limit_Off()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { RateLimitPerSecond = 0 });

        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(200, (await sim.GetJsonAsync(Path)).Status);
        }
    }
}
