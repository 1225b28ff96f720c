using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Core.Tests.Api;

/// <summary>The client against the simulated Baseten API over loopback: what arrives, and each error class.</summary>
public sealed class BasetenLogApiClientSimulatorTests : IAsyncLifetime
{
    private static readonly DeploymentTarget Deployment = new(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId);
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(10), Bursts = false, RateLimitPerSecond = 0 }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BasetenLogApiClient Client(string? key = null) =>
        new(new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, new ApiCredential(key ?? _server.ApiKey, "BASETEN_API_KEY"));

    [Fact]
    public async Task Every_Parameter_Reaches_The_Simulator_Encoded()
    {
        // Given a query with every deployment parameter and values that need encoding
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var query = new LogQuery
        {
            StartEpochMillis = now - 60_000,
            EndEpochMillis = now,
            Direction = SortDirection.Ascending,
            Limit = 7,
            MinLevel = LogLevel.Info,
            Replica = "a b&c",
            RequestId = "r#1+2",
            SearchPattern = "x+ (y|z) 日本",
            Includes = ["one two", "a&b", "#"],
            Excludes = ["é", "+"],
        };

        // When it is sent
        await Client().GetLogsAsync(Deployment, query, CancellationToken.None);

        // Then the simulator's journal shows every value intact and arrays repeated
        var request = Assert.Single(_server.Requests);
        Assert.Equal(SimulatorCatalog.DemoDeploymentLogsPath, request.Path);
        Assert.Equal("Bearer", request.AuthScheme);
        Assert.Equal(["a b&c"], request.Query["replica"]);
        Assert.Equal(["r#1+2"], request.Query["request_id"]);
        Assert.Equal(["x+ (y|z) 日本"], request.Query["search_pattern"]);
        Assert.Equal(["one two", "a&b", "#"], request.Query["includes"]);
        Assert.Equal(["é", "+"], request.Query["excludes"]);
        Assert.Equal(["asc"], request.Query["direction"]);
        Assert.Equal(["7"], request.Query["limit"]);
        Assert.Equal(["INFO"], request.Query["min_level"]);
        Assert.Equal([(now - 60_000).ToString(System.Globalization.CultureInfo.InvariantCulture)], request.Query["start_epoch_millis"]);
        Assert.Equal(200, request.StatusCode);
    }

    [Fact]
    public async Task Pages_Match_The_Simulators_Ground_Truth()
    {
        // Given the last minute of the demo deployment
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var query = new LogQuery { StartEpochMillis = now - 120_000, EndEpochMillis = now - 60_000, Direction = SortDirection.Ascending, Limit = 1000 };

        // When one page is read
        var page = await Client().GetLogsAsync(Deployment, query, CancellationToken.None);

        // Then it holds the first lines of the ground truth for that window, field for field
        var truth = _server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath)
            .Where(l => l.TimestampNanos / 1_000_000 >= now - 120_000 && l.TimestampNanos / 1_000_000 <= now - 60_000)
            .Take(1000)
            .Select(l => new LogEntry(l.TimestampNanos, l.Message, l.Replica, l.RequestId, LogLevels.FromApi(l.Level)))
            .ToList();
        Assert.NotEmpty(truth);
        Assert.Equal(0, page.SkippedMalformed);
        Assert.Equal(truth, page.Entries);
    }

    [Fact]
    public async Task Wrong_Key_Is_Unauthorized_And_Never_Shown()
    {
        // When a wrong key is used
        const string wrongKey = "wrong_key_9999ffff";
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client(wrongKey).GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the failure is Unauthorized, masked
        Assert.Equal(ApiFailureKind.Unauthorized, ex.Kind);
        Assert.Contains("****ffff (from BASETEN_API_KEY)", ex.Message);
        Assert.DoesNotContain(wrongKey, ex.ToString());
    }

    [Fact]
    public async Task Unknown_Training_Job_Is_Not_Found()
    {
        // When an unknown job's logs are read
        var ex = await Assert.ThrowsAsync<LogApiException>(
            () => Client().GetLogsAsync(new TrainingJobTarget(SimulatorCatalog.DemoTrainingProjectId, "nojob"), new LogQuery(), CancellationToken.None));

        // Then it is NotFound naming the job
        Assert.Equal(ApiFailureKind.NotFound, ex.Kind);
        Assert.Contains("training job \"nojob\"", ex.Message);
    }

    [Fact]
    public async Task Rate_Limit_From_The_Simulator_Carries_Its_Wait()
    {
        // Given the simulator answering every request with 429 and retry_after 7 in the body
        _server.Faults.RateLimitProbability = 1;
        _server.Faults.RetryAfterSeconds = 7;

        // When logs are read
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the wait is known
        Assert.Equal(ApiFailureKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Fact]
    public async Task Html_502_From_The_Simulator_Is_An_Invalid_Response()
    {
        // Given the simulator answering with a gateway's HTML page
        _server.Faults.Html502Probability = 1;

        // When logs are read
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it says so
        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("answered 502 with an HTML page, not JSON", ex.Message);
    }

    [Fact]
    public async Task Server_Error_From_The_Simulator_Is_A_Server_Error()
    {
        // Given the simulator failing every request
        _server.Faults.ServerErrorProbability = 1;

        // When logs are read
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it is a transient server error
        Assert.Equal(ApiFailureKind.ServerError, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Training_Job_Status_Comes_From_The_Simulator()
    {
        // When the demo job is read
        var job = await Client().GetTrainingJobAsync(new TrainingJobTarget(SimulatorCatalog.DemoTrainingProjectId, SimulatorCatalog.DemoTrainingJobId), CancellationToken.None);

        // Then it is running
        Assert.Equal(SimulatorCatalog.DemoTrainingJobId, job.Id);
        Assert.True(job.IsRunning, job.CurrentStatus);
    }
}
