namespace LogViewer.Simulator.Tests.Http;

public sealed class ManagementTests
{
    [Fact]
    public async Task Models_List_The_Demo_Model_With_Its_Production_Deployment()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync("/v1/models");

        Assert.Equal(200, status);
        var model = Assert.Single(body.GetProperty("models").EnumerateArray());
        Assert.Equal(SimulatorCatalog.DemoModelId, model.GetProperty("id").GetString());
        Assert.Equal(SimulatorCatalog.DemoDeploymentId, model.GetProperty("production_deployment_id").GetString());
        Assert.Equal(1, model.GetProperty("deployments_count").GetInt32());
    }

    [Fact]
    public async Task Deployment_Is_Active_With_Its_Replica_Count()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { ReplicaCount = 4 });

        var (listStatus, list) = await sim.GetJsonAsync($"/v1/models/{SimulatorCatalog.DemoModelId}/deployments");
        var (status, deployment) = await sim.GetJsonAsync($"/v1/models/{SimulatorCatalog.DemoModelId}/deployments/{SimulatorCatalog.DemoDeploymentId}");

        Assert.Equal(200, listStatus);
        Assert.Equal(SimulatorCatalog.DemoDeploymentId, Assert.Single(list.GetProperty("deployments").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(200, status);
        Assert.Equal("ACTIVE", deployment.GetProperty("status").GetString());
        Assert.Equal(4, deployment.GetProperty("active_replica_count").GetInt32());
        Assert.Equal(SimulatorCatalog.DemoModelId, deployment.GetProperty("model_id").GetString());
        Assert.Equal(4, sim.Server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath).Select(line => line.Replica).Distinct().Count());
    }

    [Fact]
    public async Task Training_Projects_And_Jobs_Are_Listed()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (projectsStatus, projects) = await sim.GetJsonAsync("/v1/training_projects");
        var (jobsStatus, jobs) = await sim.GetJsonAsync($"/v1/training_projects/{SimulatorCatalog.DemoTrainingProjectId}/jobs");

        Assert.Equal(200, projectsStatus);
        var project = Assert.Single(projects.GetProperty("training_projects").EnumerateArray());
        Assert.Equal(SimulatorCatalog.DemoTrainingProjectId, project.GetProperty("id").GetString());
        Assert.Equal(200, jobsStatus);
        Assert.Equal(
            [SimulatorCatalog.DemoTrainingJobId, SimulatorCatalog.ShortTrainingJobId, SimulatorCatalog.FailingTrainingJobId],
            jobs.GetProperty("training_jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()));
        Assert.All(jobs.GetProperty("training_jobs").EnumerateArray(), job =>
        {
            Assert.Equal(SimulatorCatalog.DemoTrainingProjectId, job.GetProperty("training_project_id").GetString());
            Assert.StartsWith("TRAINING_JOB_", job.GetProperty("current_status").GetString());
        });
    }
}
