using System.Diagnostics;
using System.Net;

namespace LogViewer.Simulator.Tests.Http;

public sealed class FaultTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath + "?limit=1";

    [Fact]
    public async Task Faults_Are_Off_By_Default()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(200, (await sim.GetJsonAsync(Path)).Status);
        }
    }

    [Fact]
    public async Task Injected_429_Looks_Like_The_Real_One_With_The_Configured_Wait()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.RateLimitProbability = 1;
        sim.Server.Faults.RetryAfterSeconds = 37;
        sim.Server.Faults.RetryAfterInHeader = true;

        using var response = await sim.Client.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(37, body.GetProperty("retry_after").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(37), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Server_Errors_Are_Json_500_Or_503()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.ServerErrorProbability = 1;

        var statuses = new HashSet<int>();
        for (var i = 0; i < 20; i++)
        {
            var (status, body) = await sim.GetJsonAsync(Path);
            statuses.Add(status);
            Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        }

        Assert.Equal([500, 503], statuses.Order());
    }

    [Fact]
    public async Task Html_502_Is_A_Gateway_Page()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.Html502Probability = 1;

        using var response = await sim.Client.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<html><body><h1>502 Bad Gateway</h1></body></html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Slow_Answers_Wait_At_Least_The_Delay()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.SlowProbability = 1;
        sim.Server.Faults.SlowDelay = TimeSpan.FromMilliseconds(400);

        var watch = Stopwatch.StartNew();
        var (status, _) = await sim.GetJsonAsync(Path);

        Assert.Equal(200, status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Slow_Answer_Runs_Into_A_Client_Timeout()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.SlowProbability = 1;
        sim.Server.Faults.SlowDelay = TimeSpan.FromSeconds(30);
        using var impatient = new HttpClient { BaseAddress = sim.Server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        impatient.DefaultRequestHeaders.Authorization = sim.Client.DefaultRequestHeaders.Authorization;

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative)));
    }

    [Fact]
    public async Task Every_Request_Fails_During_An_Outage_And_None_After()
    {
        // Given an outage of 10 s starting now
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.OutageStart = sim.Clock.GetUtcNow();
        sim.Server.Faults.OutageDuration = TimeSpan.FromSeconds(10);

        // When requests arrive during and after it
        using var during = await sim.Client.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative));
        using var models = await sim.Client.GetAsync(new Uri("v1/models", UriKind.Relative));
        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        var (after, _) = await sim.GetJsonAsync(Path);

        // Then every request inside fails with an HTML 503, and the first after succeeds
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("text/html", during.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, models.StatusCode);
        Assert.Equal(200, after);
    }

    [Fact]
    public async Task Outage_Can_Drop_The_Connection()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with
        {
            Faults = new SimulatorFaultSettings { OutageStart = ManualTimeProvider.DefaultStart, OutageDuration = TimeSpan.FromMinutes(1), OutageAbortsConnection = true },
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => sim.Client.GetAsync(new Uri(Path.TrimStart('/'), UriKind.Relative)));
        // The server records after the connection is gone; give it a moment (a safety net, not a timing assertion).
        for (var wait = 0; wait < 100 && sim.Server.Requests.Count == 0; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, Assert.Single(sim.Server.Requests).StatusCode);
    }

    [Fact]
    public async Task Probabilities_Between_Zero_And_One_Fail_Some_Requests_Deterministically()
    {
        async Task<List<int>> Run()
        {
            await using var sim = await SimulatorHarness.StartAsync(o => o with { Faults = new SimulatorFaultSettings { ServerErrorProbability = 0.3 } });
            var statuses = new List<int>();
            for (var i = 0; i < 60; i++)
            {
                statuses.Add((await sim.GetJsonAsync(Path)).Status);
            }

            return statuses;
        }

        var first = await Run();
        var second = await Run();

        Assert.Contains(200, first);
        Assert.Contains(first, status => status >= 500);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Clear_Turns_Every_Fault_Off()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Server.Faults.Html502Probability = 1;
        sim.Server.Faults.ServerErrorProbability = 1;
        sim.Server.Faults.Clear();

        Assert.Equal(200, (await sim.GetJsonAsync(Path)).Status);
    }

    [Fact]
    public void A_Probability_Outside_0_To_1_Is_Refused()
    {
        var faults = new SimulatorFaults(new SimulatorFaultSettings());

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.SlowProbability = 1.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Current = new SimulatorFaultSettings { Html502Probability = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorFaults(new SimulatorFaultSettings { ServerErrorProbability = 2 }));
    }
}
