using System.Globalization;
using System.Text.Json;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Tests.Commands;

/// <summary>
/// <c>deployment MODEL</c> and <c>training PROJECT</c> without the second id, and names instead of ids, end to end
/// against the simulator: which target is chosen, what is said about it, and the exit codes of the refusals.
/// </summary>
public sealed class ShorterFormsTests : IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli = new();
    private SimulatorServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(15), Bursts = false, LinesPerSecond = 5 }, CancellationToken.None);
        _cli.Variables["BASETEN_API_KEY"] = _server.ApiKey;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private Task<CliRun> Run(params string[] args) => _cli.RunAsync([.. args, "--api-url", _server.BaseAddress.ToString()]);

    private IEnumerable<string> LogPaths => _server.Requests.Where(r => r.Path.EndsWith("/logs", StringComparison.Ordinal)).Select(r => r.Path).Distinct();

    [Fact]
    public async Task Training_Project_By_Name_Follows_Its_Most_Recent_Job_And_Prints_Its_Lines()
    {
        // When the research project is named without a job, for a closed read as jsonl
        var run = await Run("training", "embeddings-research", "--no-follow", "--output", "jsonl");

        // Then the note names the most recent job, only its logs were read, and its lines are printed as the server has them
        Assert.StartsWith(
            $"logviewer: following the most recent job of embeddings-research ({SimulatorCatalog.ResearchProjectId}): contrastive-sweep ({SimulatorCatalog.ResearchSweepJobId}), created ",
            run.ErrorLines[0]);
        Assert.Equal([SimulatorCatalog.ResearchSweepJobLogsPath], LogPaths);
        var printed = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("timestamp").GetString()!).ToList();
        var since = DateTimeOffset.UtcNow.AddMinutes(-31).ToUnixTimeMilliseconds() * 1_000_000;
        var truth = _server.GroundTruth(SimulatorCatalog.ResearchSweepJobLogsPath)
            .Where(l => l.TimestampNanos >= since).Select(l => l.TimestampNanos.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.True(printed.Count > 100, $"expected the job's last 25 minutes of lines, got {printed.Count}");
        Assert.Equal(truth[^printed.Count..], printed);
        // ...and it ended FAILED, so exit 1 with the job's error
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"logviewer: training job {SimulatorCatalog.ResearchSweepJobId} ended: FAILED: {SimulatorCatalog.SweepFailure}", run.ErrorLines[^1]);
    }

    [Fact]
    public async Task A_Job_Name_Shared_With_Another_Project_Is_Taken_In_The_Named_Project()
    {
        var run = await Run("training", "embeddings-research", "quick-eval", "--no-follow", "--output", "jsonl", "--since", "6h");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"/v1/training_projects/{SimulatorCatalog.ResearchProjectId}/jobs/{SimulatorCatalog.ResearchQuickEvalJobId}/logs"], LogPaths);
        Assert.NotEmpty(run.OutLines);
    }

    [Fact]
    public async Task An_Ambiguous_Project_Name_Lists_The_Matches_And_Exits_2()
    {
        var run = await Run("training", "scratch", "--output", "text");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal(
            $"logviewer: 2 of your training projects are named \"scratch\": scratch ({SimulatorCatalog.ScratchProjectId}, team Default Team), "
            + $"scratch ({SimulatorCatalog.EmptyScratchProjectId}, team Research); give the id instead.",
            line);
        Assert.Empty(LogPaths);
    }

    [Fact]
    public async Task A_Project_Without_Jobs_Exits_4()
    {
        var run = await Run("training", SimulatorCatalog.EmptyScratchProjectId, "--output", "text");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal($"logviewer: training project scratch ({SimulatorCatalog.EmptyScratchProjectId}) has no jobs yet.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task An_Unknown_Model_Exits_4_Listing_The_Models()
    {
        var run = await Run("deployment", "gpt-17", "--output", "text");

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"logviewer: no model has the id or name \"gpt-17\"; yours are: llama-3-8b-instruct ({SimulatorCatalog.DemoModelId}, Default Team), ", line);
        Assert.Contains($"bge-embeddings ({SimulatorCatalog.TwoDeploymentsModelId}, Research)", line);
    }

    [Theory]
    [InlineData("llama-3-8b-instruct", SimulatorCatalog.DemoDeploymentId, "the production deployment of llama-3-8b-instruct")]
    [InlineData("LLAMA-3-8B-INSTRUCT", SimulatorCatalog.DemoDeploymentId, "the production deployment of llama-3-8b-instruct")]
    [InlineData(SimulatorCatalog.WakingModelId, SimulatorCatalog.WakingDeploymentId, "the development deployment (there is no production one) of sdxl-turbo")]
    [InlineData("mistral-7b-router", SimulatorCatalog.UnhealthyDeploymentId, "its only deployment of mistral-7b-router")]
    public async Task A_Model_Alone_Follows_Production_Else_Development_Else_Its_Only_Deployment(string model, string expected, string why)
    {
        var run = await Run("deployment", model, "--no-follow", "--since", "1m", "--output", "jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"logviewer: following {why} (", run.ErrorLines[0]);
        Assert.Contains($"({expected})", run.ErrorLines[0]);
        Assert.Equal([$"/logs/{expected}"], LogPaths.Select(p => "/logs/" + p.Split('/')[^2]));
    }

    [Fact]
    public async Task A_Model_With_Several_Deployments_And_No_Production_Lists_Them_And_Exits_2()
    {
        var run = await Run("deployment", "bge-embeddings", "--output", "text");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal(
            $"logviewer: model bge-embeddings ({SimulatorCatalog.TwoDeploymentsModelId}) has 2 deployments and none is production or development; add the deployment's id or name: "
            + $"logviewer deployment {SimulatorCatalog.TwoDeploymentsModelId} {SimulatorCatalog.InactiveDeploymentId} (deployment-1, INACTIVE); "
            + $"logviewer deployment {SimulatorCatalog.TwoDeploymentsModelId} {SimulatorCatalog.BuildingDeploymentId} (deployment-2, BUILDING)",
            line);
    }

    [Fact]
    public async Task A_Scaled_To_Zero_Deployment_Says_So_On_Stderr()
    {
        var run = await Run("deployment", "whisper-large-v3", "--no-follow", "--output", "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("scaled to zero: no replicas, no new lines until a request wakes it", run.ErrorLines[0]);
        Assert.Empty(run.OutLines);
    }

    [Fact]
    public async Task Deployment_Status_Changes_Go_To_Stderr_While_Following()
    {
        // Given the waking deployment followed in text mode (it wakes 60 s after the server started: too long to wait
        // here, so this reads the status line the first poll gives)
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var run = await _cli.RunAsync(stop.Token, "deployment", "sdxl-turbo", "--output", "text", "--api-url", _server.BaseAddress.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("logviewer: deployment deployment-1 is waking up (0 replicas): lines start when a replica is ready", run.ErrorLines);
    }
}
