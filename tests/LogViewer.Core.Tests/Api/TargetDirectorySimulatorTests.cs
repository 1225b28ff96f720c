using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Core.Tests.Api;

/// <summary>The listing and status calls against the simulated management API over loopback.</summary>
public sealed class TargetDirectorySimulatorTests : IAsyncLifetime
{
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(10), Bursts = false, RateLimitPerSecond = 0 }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BasetenLogApiClient Client(string? key = null) =>
        new(new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, new ApiCredential(key ?? _server.ApiKey, "BASETEN_API_KEY"));

    [Fact]
    public async Task Models_And_Their_Deployments_Are_Listed_With_Roles_And_States()
    {
        var client = Client();

        var models = await client.ListModelsAsync(CancellationToken.None);
        var deployments = await client.ListDeploymentsAsync(SimulatorCatalog.DemoModelId, CancellationToken.None);
        var scaled = await client.ListDeploymentsAsync(SimulatorCatalog.ScaledToZeroModelId, CancellationToken.None);

        var demo = Assert.Single(models, m => m.Id == SimulatorCatalog.DemoModelId);
        Assert.Equal(("llama-3-8b-instruct", SimulatorCatalog.DemoDeploymentId, SimulatorCatalog.BuildFailedDeploymentId), (demo.Name, demo.ProductionDeploymentId, demo.DevelopmentDeploymentId));
        Assert.Equal(5, models.Count);
        var production = Assert.Single(deployments, d => d.IsProduction);
        Assert.Equal((SimulatorCatalog.DemoDeploymentId, "ACTIVE", "production", SimulatorCatalog.DemoModelId), (production.Id, production.Status, production.Role, production.ModelId));
        Assert.Equal(("BUILD_FAILED", "development"), (deployments.Single(d => d.IsDevelopment).Status, deployments.Single(d => d.IsDevelopment).Role));
        var zero = Assert.Single(scaled);
        Assert.Equal(("SCALED_TO_ZERO", 0), (zero.Status, zero.ActiveReplicaCount));
        Assert.StartsWith("scaled to zero", zero.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Training_Projects_And_Jobs_Are_Listed_With_Status_Error_And_Times()
    {
        var client = Client();

        var projects = await client.ListTrainingProjectsAsync(CancellationToken.None);
        var jobs = await client.ListTrainingJobsAsync(SimulatorCatalog.ResearchProjectId, CancellationToken.None);
        var none = await client.ListTrainingJobsAsync(SimulatorCatalog.EmptyScratchProjectId, CancellationToken.None);

        Assert.Equal(4, projects.Count);
        Assert.Equal(2, projects.Count(p => p.Name == "scratch"));
        Assert.Null(projects.Single(p => p.Id == SimulatorCatalog.EmptyScratchProjectId).LatestJob);
        Assert.Equal(SimulatorCatalog.ResearchSweepJobId, projects.Single(p => p.Id == SimulatorCatalog.ResearchProjectId).LatestJob!.Id);
        var sweep = Assert.Single(jobs, j => j.Id == SimulatorCatalog.ResearchSweepJobId);
        Assert.Equal(("contrastive-sweep", "FAILED", SimulatorCatalog.SweepFailure), (sweep.Name, sweep.ShortStatus, sweep.ErrorMessage));
        Assert.Equal((SimulatorCatalog.ResearchProjectId, "embeddings-research"), (sweep.ProjectId, sweep.ProjectName));
        Assert.True(sweep.CreatedAt < sweep.UpdatedAt);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Deployment_Status_Is_Read_By_Id()
    {
        var deployment = await Client().GetDeploymentAsync(new DeploymentTarget(SimulatorCatalog.UnhealthyModelId, SimulatorCatalog.UnhealthyDeploymentId), CancellationToken.None);

        Assert.Equal(("UNHEALTHY", 1, "staging"), (deployment.Status, deployment.ActiveReplicaCount, deployment.Role));
    }

    [Fact]
    public async Task An_Unknown_Model_Is_Not_Found_And_A_Bad_Key_Is_Unauthorized_Without_The_Key()
    {
        var notFound = await Assert.ThrowsAsync<LogApiException>(() => Client().ListDeploymentsAsync("nope", CancellationToken.None));
        var rejected = await Assert.ThrowsAsync<LogApiException>(() => Client("wrong_key_123456").ListModelsAsync(CancellationToken.None));

        Assert.Equal(ApiFailureKind.NotFound, notFound.Kind);
        Assert.Contains("model \"nope\"", notFound.Message, StringComparison.Ordinal);
        Assert.Equal(ApiFailureKind.Unauthorized, rejected.Kind);
        Assert.DoesNotContain("wrong_key_123456", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("BASETEN_API_KEY", rejected.Message, StringComparison.Ordinal);
    }
}
