using LogViewer.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>The listing and status endpoints of the management API, for the simulated model and training project.</summary>
internal sealed class ManagementEndpoints(SimulatedWorld world, TimeProvider timeProvider)
{
    private const string TeamName = "Default Team";
    private const string InstanceTypeName = "H100:1x24x80";

    private static readonly InstanceTypeDto TrainingInstance = new("H100x8", "8x H100 80GB", 1_966_080, 188_000, 8, "H100", 81_920);

    public Task Models(HttpContext context) =>
        Answers.Json(context, StatusCodes.Status200OK, new ModelsResponse([Model()]), SimulatorJsonContext.Default.ModelsResponse);

    public Task Deployments(HttpContext context)
    {
        if (!KnownModel(context, out var missing))
        {
            return missing;
        }

        return Answers.Json(context, StatusCodes.Status200OK, new DeploymentsResponse([Deployment()]), SimulatorJsonContext.Default.DeploymentsResponse);
    }

    public Task DeploymentById(HttpContext context)
    {
        if (!KnownModel(context, out var missing))
        {
            return missing;
        }

        var deploymentId = LogsEndpoints.RouteValue(context, "deploymentId");
        return deploymentId == SimulatorCatalog.DemoDeploymentId
            ? Answers.Json(context, StatusCodes.Status200OK, Deployment(), SimulatorJsonContext.Default.DeploymentDto)
            : Answers.Error(context, StatusCodes.Status404NotFound, $"Deployment {deploymentId} not found");
    }

    public Task TrainingProjects(HttpContext context) =>
        Answers.Json(context, StatusCodes.Status200OK, new TrainingProjectsResponse([Project(timeProvider.GetUtcNow())]), SimulatorJsonContext.Default.TrainingProjectsResponse);

    public Task TrainingJobs(HttpContext context)
    {
        if (!KnownProject(context, out var missing))
        {
            return missing;
        }

        var now = timeProvider.GetUtcNow();
        var jobs = world.Jobs.Select(job => Job(job, now)).ToList();
        return Answers.Json(context, StatusCodes.Status200OK, new TrainingJobsResponse(Project(now), jobs), SimulatorJsonContext.Default.TrainingJobsResponse);
    }

    public Task TrainingJobById(HttpContext context)
    {
        if (!KnownProject(context, out var missing))
        {
            return missing;
        }

        var jobId = LogsEndpoints.RouteValue(context, "jobId");
        if (world.FindJob(jobId) is not { } job)
        {
            return Answers.Error(context, StatusCodes.Status404NotFound, $"Training job {jobId} not found");
        }

        var now = timeProvider.GetUtcNow();
        return Answers.Json(context, StatusCodes.Status200OK, new TrainingJobResponse(Project(now), Job(job, now)), SimulatorJsonContext.Default.TrainingJobResponse);
    }

    private static bool KnownModel(HttpContext context, out Task missing)
    {
        var modelId = LogsEndpoints.RouteValue(context, "modelId");
        missing = Task.CompletedTask;
        if (modelId == SimulatorCatalog.DemoModelId)
        {
            return true;
        }

        missing = Answers.Error(context, StatusCodes.Status404NotFound, $"Model {modelId} not found");
        return false;
    }

    private static bool KnownProject(HttpContext context, out Task missing)
    {
        var projectId = LogsEndpoints.RouteValue(context, "projectId");
        missing = Task.CompletedTask;
        if (projectId == SimulatorCatalog.DemoTrainingProjectId)
        {
            return true;
        }

        missing = Answers.Error(context, StatusCodes.Status404NotFound, $"Training project {projectId} not found");
        return false;
    }

    private ModelDto Model() =>
        new(SimulatorCatalog.DemoModelId, world.Start - TimeSpan.FromDays(12), "llama-3-8b-instruct", 1, SimulatorCatalog.DemoDeploymentId, null, InstanceTypeName, TeamName);

    private DeploymentDto Deployment() =>
        new(
            SimulatorCatalog.DemoDeploymentId,
            world.Start - TimeSpan.FromDays(3),
            "deployment-7",
            SimulatorCatalog.DemoModelId,
            IsProduction: true,
            IsDevelopment: false,
            "ACTIVE",
            world.ReplicaCount,
            new AutoscalingDto(1, 8, 60, 900, 32, 70),
            InstanceTypeName,
            "production");

    private TrainingProjectDto Project(DateTimeOffset now)
    {
        var latest = world.Jobs.MaxBy(job => job.CreatedAt)!;
        return new TrainingProjectDto(
            SimulatorCatalog.DemoTrainingProjectId,
            "llama-finetunes",
            world.Start - TimeSpan.FromDays(30),
            world.Jobs.Max(job => job.UpdatedAt(now)),
            TeamName,
            Job(latest, now));
    }

    private static TrainingJobDto Job(SimulatedJob job, DateTimeOffset now) =>
        new(
            job.Id,
            job.CreatedAt,
            job.StatusAt(now),
            job.ErrorMessageAt(now),
            TrainingInstance,
            job.UpdatedAt(now),
            SimulatorCatalog.DemoTrainingProjectId,
            new ProjectSummaryDto(SimulatorCatalog.DemoTrainingProjectId, "llama-finetunes"),
            job.Name);
}
