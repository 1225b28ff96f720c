using System.Text.Json;
using LogViewer.Simulator.Tests.Spec;

namespace LogViewer.Simulator.Tests.Http;

public sealed class ManagementTests
{
    [Theory]
    [InlineData("/v1/models", "ModelsV1")]
    [InlineData("/v1/models/" + SimulatorCatalog.DemoModelId + "/deployments", "DeploymentsV1")]
    [InlineData("/v1/models/" + SimulatorCatalog.TwoDeploymentsModelId + "/deployments", "DeploymentsV1")]
    [InlineData("/v1/models/" + SimulatorCatalog.ScaledToZeroModelId + "/deployments/" + SimulatorCatalog.ScaledToZeroDeploymentId, "DeploymentV1")]
    [InlineData("/v1/training_projects", "ListTrainingProjectsResponseV1")]
    [InlineData("/v1/training_projects/" + SimulatorCatalog.ResearchProjectId + "/jobs", "ListTrainingJobsResponseV1")]
    [InlineData("/v1/training_projects/" + SimulatorCatalog.EmptyScratchProjectId + "/jobs", "ListTrainingJobsResponseV1")]
    [InlineData("/v1/training_projects/" + SimulatorCatalog.ResearchProjectId + "/jobs/" + SimulatorCatalog.ResearchSweepJobId, "GetTrainingJobResponseV1")]
    public async Task Listing_And_Status_Answers_Are_Shaped_Exactly_As_The_Subset_Spec(string path, string schema)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync(path);

        Assert.Equal(200, status);
        Assert.Empty(SpecSchema.Problems(body, schema));
    }

    [Fact]
    public void The_Spec_Checker_Finds_A_Missing_Field_A_Stray_One_And_A_Bad_Enum()
    {
        using var document = JsonDocument.Parse("""
            {"deployments": [{"id": "a", "created_at": "2026-01-01T00:00:00Z", "name": "d", "model_id": "m",
              "is_production": true, "is_development": false, "status": "SLEEPING", "active_replica_count": 0,
              "autoscaling_settings": null, "instance_type_name": null, "replicas": 3}]}
            """);

        var problems = SpecSchema.Problems(document.RootElement, "DeploymentsV1");

        Assert.Contains(problems, p => p.Contains("'environment' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'replicas' is not in the spec", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'SLEEPING' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Models_Are_Listed_With_Their_Production_And_Development_Deployment_Ids()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (_, body) = await sim.GetJsonAsync("/v1/models");

        var models = body.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal(5, models.Count);
        Assert.Equal(SimulatorCatalog.DemoDeploymentId, models[SimulatorCatalog.DemoModelId].GetProperty("production_deployment_id").GetString());
        Assert.Equal(SimulatorCatalog.BuildFailedDeploymentId, models[SimulatorCatalog.DemoModelId].GetProperty("development_deployment_id").GetString());
        Assert.Equal(2, models[SimulatorCatalog.DemoModelId].GetProperty("deployments_count").GetInt32());
        Assert.Equal(JsonValueKind.Null, models[SimulatorCatalog.WakingModelId].GetProperty("production_deployment_id").ValueKind);
        Assert.Equal(SimulatorCatalog.WakingDeploymentId, models[SimulatorCatalog.WakingModelId].GetProperty("development_deployment_id").GetString());
        Assert.Equal(JsonValueKind.Null, models[SimulatorCatalog.TwoDeploymentsModelId].GetProperty("production_deployment_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, models[SimulatorCatalog.TwoDeploymentsModelId].GetProperty("development_deployment_id").ValueKind);
    }

    [Theory]
    [InlineData(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "ACTIVE", 4)]
    [InlineData(SimulatorCatalog.DemoModelId, SimulatorCatalog.BuildFailedDeploymentId, "BUILD_FAILED", 0)]
    [InlineData(SimulatorCatalog.ScaledToZeroModelId, SimulatorCatalog.ScaledToZeroDeploymentId, "SCALED_TO_ZERO", 0)]
    [InlineData(SimulatorCatalog.WakingModelId, SimulatorCatalog.WakingDeploymentId, "WAKING_UP", 0)]
    [InlineData(SimulatorCatalog.UnhealthyModelId, SimulatorCatalog.UnhealthyDeploymentId, "UNHEALTHY", 1)]
    [InlineData(SimulatorCatalog.TwoDeploymentsModelId, SimulatorCatalog.InactiveDeploymentId, "INACTIVE", 0)]
    [InlineData(SimulatorCatalog.TwoDeploymentsModelId, SimulatorCatalog.BuildingDeploymentId, "BUILDING", 0)]
    public async Task Each_Deployment_Has_Its_Status_And_Active_Replica_Count(string modelId, string deploymentId, string expectedStatus, int replicas)
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { ReplicaCount = 4 });

        var (status, deployment) = await sim.GetJsonAsync($"/v1/models/{modelId}/deployments/{deploymentId}");
        var (_, list) = await sim.GetJsonAsync($"/v1/models/{modelId}/deployments");

        Assert.Equal(200, status);
        Assert.Equal(expectedStatus, deployment.GetProperty("status").GetString());
        Assert.Equal(replicas, deployment.GetProperty("active_replica_count").GetInt32());
        Assert.Equal(modelId, deployment.GetProperty("model_id").GetString());
        Assert.Contains(deploymentId, list.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_Waking_Deployment_Becomes_Active_With_One_Replica_And_Starts_Logging()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { WakeUpAfter = TimeSpan.FromSeconds(30) });
        const string path = "/v1/models/" + SimulatorCatalog.WakingModelId + "/deployments/" + SimulatorCatalog.WakingDeploymentId;

        var waking = await sim.GetJsonAsync(path);
        var emptyWhileWaking = await sim.GetLogsAsync(SimulatorCatalog.WakingDeploymentLogsPath, string.Empty);
        sim.Clock.Advance(TimeSpan.FromSeconds(40));
        var active = await sim.GetJsonAsync(path);
        var logs = await sim.GetLogsAsync(SimulatorCatalog.WakingDeploymentLogsPath, string.Empty);

        Assert.Equal("WAKING_UP", waking.Body.GetProperty("status").GetString());
        Assert.Empty(emptyWhileWaking);
        Assert.Equal("ACTIVE", active.Body.GetProperty("status").GetString());
        Assert.Equal(1, active.Body.GetProperty("active_replica_count").GetInt32());
        Assert.NotEmpty(logs);
    }

    [Fact]
    public async Task The_Scaled_To_Zero_Deployment_Has_No_Lines_In_The_Last_30_Minutes_But_Has_Older_Ones()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        const string logsPath = "/v1/models/" + SimulatorCatalog.ScaledToZeroModelId + "/deployments/" + SimulatorCatalog.ScaledToZeroDeploymentId + "/logs";
        var twoHoursAgo = sim.Clock.GetUtcNow().AddHours(-2).ToUnixTimeMilliseconds();

        var recent = await sim.GetLogsAsync(logsPath, string.Empty);
        var older = await sim.GetLogsAsync(logsPath, $"start_epoch_millis={twoHoursAgo}&limit=5");

        Assert.Empty(recent);
        Assert.Equal(5, older.Count);
    }

    [Fact]
    public async Task Training_Projects_Collide_By_Name_And_Say_Their_Latest_Job()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (_, body) = await sim.GetJsonAsync("/v1/training_projects");

        var projects = body.GetProperty("training_projects").EnumerateArray().ToList();
        Assert.Equal(4, projects.Count);
        var scratch = projects.Where(p => p.GetProperty("name").GetString() == "scratch").ToList();
        Assert.Equal([SimulatorCatalog.ScratchProjectId, SimulatorCatalog.EmptyScratchProjectId], scratch.Select(p => p.GetProperty("id").GetString()));
        Assert.NotEqual(scratch[0].GetProperty("team_name").GetString(), scratch[1].GetProperty("team_name").GetString());
        Assert.Equal(JsonValueKind.Null, scratch[1].GetProperty("latest_job").ValueKind);
        var research = projects.Single(p => p.GetProperty("id").GetString() == SimulatorCatalog.ResearchProjectId);
        Assert.Equal(SimulatorCatalog.ResearchSweepJobId, research.GetProperty("latest_job").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Jobs_Of_Every_Project_Are_Listed_With_Their_Status_And_A_Colliding_Name()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (_, demo) = await sim.GetJsonAsync($"/v1/training_projects/{SimulatorCatalog.DemoTrainingProjectId}/jobs");
        var (_, research) = await sim.GetJsonAsync($"/v1/training_projects/{SimulatorCatalog.ResearchProjectId}/jobs");
        var (_, scratch) = await sim.GetJsonAsync($"/v1/training_projects/{SimulatorCatalog.ScratchProjectId}/jobs");

        Assert.Equal(
            [SimulatorCatalog.DemoTrainingJobId, SimulatorCatalog.ShortTrainingJobId, SimulatorCatalog.FailingTrainingJobId],
            demo.GetProperty("training_jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()));
        var researchJobs = research.GetProperty("training_jobs").EnumerateArray().ToDictionary(job => job.GetProperty("id").GetString()!);
        Assert.Equal(SimulatorJobStatus.Completed, researchJobs[SimulatorCatalog.ResearchQuickEvalJobId].GetProperty("current_status").GetString());
        Assert.Equal("quick-eval", researchJobs[SimulatorCatalog.ResearchQuickEvalJobId].GetProperty("name").GetString());
        Assert.Contains("quick-eval", demo.GetProperty("training_jobs").EnumerateArray().Select(job => job.GetProperty("name").GetString()));
        Assert.Equal(SimulatorJobStatus.Stopped, researchJobs[SimulatorCatalog.ResearchStoppedJobId].GetProperty("current_status").GetString());
        Assert.Equal(SimulatorJobStatus.Failed, researchJobs[SimulatorCatalog.ResearchSweepJobId].GetProperty("current_status").GetString());
        Assert.Equal(SimulatorCatalog.SweepFailure, researchJobs[SimulatorCatalog.ResearchSweepJobId].GetProperty("error_message").GetString());
        Assert.All(researchJobs.Values, job => Assert.Equal(SimulatorCatalog.ResearchProjectId, job.GetProperty("training_project").GetProperty("id").GetString()));
        Assert.Equal(SimulatorJobStatus.Queued, Assert.Single(scratch.GetProperty("training_jobs").EnumerateArray()).GetProperty("current_status").GetString());
    }

    [Fact]
    public async Task The_Failed_Research_Job_Has_Logs_In_The_Default_Window()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var lines = await sim.GetLogsAsync(SimulatorCatalog.ResearchSweepJobLogsPath, "direction=asc&limit=1000");

        Assert.NotEmpty(lines);
        Assert.True(lines[^1].EpochMillis <= sim.Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Unknown_Models_And_Projects_Are_404()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        Assert.Equal(404, (await sim.GetJsonAsync("/v1/models/nope/deployments")).Status);
        Assert.Equal(404, (await sim.GetJsonAsync($"/v1/models/{SimulatorCatalog.ScaledToZeroModelId}/deployments/{SimulatorCatalog.DemoDeploymentId}")).Status);
        Assert.Equal(404, (await sim.GetJsonAsync($"/v1/training_projects/{SimulatorCatalog.ResearchProjectId}/jobs/{SimulatorCatalog.DemoTrainingJobId}")).Status);
    }
}
