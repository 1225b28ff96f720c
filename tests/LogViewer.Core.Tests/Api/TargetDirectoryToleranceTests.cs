using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Core.Tests.Api;

/// <summary>Listing answers with fields missing, from a canned server: optional fields are tolerated, entries without an id dropped.</summary>
public sealed class TargetDirectoryToleranceTests : IAsyncLifetime
{
    private CannedApiServer _server = null!;

    public async Task InitializeAsync() => _server = await CannedApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BasetenLogApiClient Client() =>
        new(new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, new ApiCredential("k_123456789", "test"));

    [Fact]
    public async Task A_Deployment_Without_Environment_Labels_Or_Autoscaling_Is_Read()
    {
        _server.Answer = CannedApiServer.Json(200, """
            {"deployments": [{"id": "d1", "created_at": "2026-11-20T10:00:00Z", "name": "deployment-1", "model_id": "m1",
              "is_production": false, "is_development": true, "status": "WAKING_UP", "active_replica_count": 0},
             {"name": "no id: cannot be opened"}]}
            """);

        var deployments = await Client().ListDeploymentsAsync("m1", CancellationToken.None);

        var d = Assert.Single(deployments);
        Assert.Equal(("d1", "WAKING_UP", 0, "development", (string?)null), (d.Id, d.Status, d.ActiveReplicaCount, d.Role, d.Environment));
        Assert.Equal("/v1/models/m1/deployments", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task A_Job_Without_Name_Error_Or_Project_Summary_Is_Read()
    {
        _server.Answer = CannedApiServer.Json(200, """
            {"training_project": {"id": "p1", "name": "proj"},
             "training_jobs": [{"id": "j1", "created_at": "2026-11-20T10:00:00Z", "current_status": "TRAINING_JOB_RUNNING", "updated_at": "2026-11-20T10:05:00Z"}]}
            """);

        var job = Assert.Single(await Client().ListTrainingJobsAsync("p1", CancellationToken.None));

        Assert.Equal(("j1", (string?)null, "RUNNING", (string?)null, "p1"), (job.Id, job.Name, job.ShortStatus, job.ErrorMessage, job.ProjectId));
    }

    [Fact]
    public async Task A_Model_Without_Team_Or_Deployment_Ids_And_A_Project_Without_Latest_Job_Are_Read()
    {
        _server.Answer = context => context.Request.Path.StartsWithSegments("/v1/models")
            ? CannedApiServer.Json(200, """{"models": [{"id": "m1", "name": "whisper"}]}""")(context)
            : CannedApiServer.Json(200, """{"training_projects": [{"id": "p1", "name": "proj", "created_at": "2026-11-20T10:00:00Z"}]}""")(context);

        var model = Assert.Single(await Client().ListModelsAsync(CancellationToken.None));
        var project = Assert.Single(await Client().ListTrainingProjectsAsync(CancellationToken.None));

        Assert.Equal(("m1", "whisper", (string?)null, (string?)null), (model.Id, model.Name, model.ProductionDeploymentId, model.TeamName));
        Assert.Equal(("p1", (object?)null), (project.Id, (object?)project.LatestJob));
    }

    [Fact]
    public async Task A_Gateway_Page_Instead_Of_Json_Is_An_Invalid_Response()
    {
        _server.Answer = async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>oops</html>");
        };

        var failure = await Assert.ThrowsAsync<LogApiException>(() => Client().ListTrainingProjectsAsync(CancellationToken.None));

        Assert.Equal(ApiFailureKind.InvalidResponse, failure.Kind);
    }

    [Fact]
    public async Task Deployment_Status_Answers_Reach_The_Status_Call_With_Escaped_Ids()
    {
        _server.Answer = CannedApiServer.Json(200, """{"id": "d 1", "status": "SCALED_TO_ZERO", "active_replica_count": 0}""");

        var d = await Client().GetDeploymentAsync(new DeploymentTarget("m/1", "d 1"), CancellationToken.None);

        Assert.Equal(("SCALED_TO_ZERO", "m/1"), (d.Status, d.ModelId));
        Assert.Equal("/v1/models/m%2F1/deployments/d 1", Assert.Single(_server.Requests).Path);
    }
}
