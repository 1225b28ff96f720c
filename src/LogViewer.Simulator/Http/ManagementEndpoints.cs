using LogViewer.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>
/// The listing and status endpoints of the management API, shaped as the subset spec's ModelsV1, DeploymentsV1,
/// DeploymentV1, ListTrainingProjectsResponseV1, ListTrainingJobsResponseV1 and GetTrainingJobResponseV1.
/// </summary>
internal sealed class ManagementEndpoints(SimulatedWorld world, TimeProvider timeProvider)
{
    private static readonly InstanceTypeDto TrainingInstance = new("H100x8", "8x H100 80GB", 1_966_080, 188_000, 8, "H100", 81_920);

    public Task Models(HttpContext context) =>
        Answers.Json(context, StatusCodes.Status200OK, new ModelsResponse(world.Models.Select(Model).ToList()), SimulatorJsonContext.Default.ModelsResponse);

    public Task Deployments(HttpContext context)
    {
        if (!KnownModel(context, out var model, out var missing))
        {
            return missing;
        }

        var now = timeProvider.GetUtcNow();
        return Answers.Json(
            context,
            StatusCodes.Status200OK,
            new DeploymentsResponse(model.Deployments.Select(d => Deployment(model, d, now)).ToList()),
            SimulatorJsonContext.Default.DeploymentsResponse);
    }

    public Task DeploymentById(HttpContext context)
    {
        if (!KnownModel(context, out var model, out var missing))
        {
            return missing;
        }

        var deploymentId = LogsEndpoints.RouteValue(context, "deploymentId");
        return model.FindDeployment(deploymentId) is { } deployment
            ? Answers.Json(context, StatusCodes.Status200OK, Deployment(model, deployment, timeProvider.GetUtcNow()), SimulatorJsonContext.Default.DeploymentDto)
            : Answers.Error(context, StatusCodes.Status404NotFound, $"Deployment {deploymentId} not found");
    }

    public Task TrainingProjects(HttpContext context)
    {
        var now = timeProvider.GetUtcNow();
        return Answers.Json(
            context,
            StatusCodes.Status200OK,
            new TrainingProjectsResponse(world.Projects.Select(project => Project(project, now)).ToList()),
            SimulatorJsonContext.Default.TrainingProjectsResponse);
    }

    public Task TrainingJobs(HttpContext context)
    {
        if (!KnownProject(context, out var project, out var missing))
        {
            return missing;
        }

        var now = timeProvider.GetUtcNow();
        var jobs = project.Jobs.Select(job => Job(project, job, now)).ToList();
        return Answers.Json(context, StatusCodes.Status200OK, new TrainingJobsResponse(Project(project, now), jobs), SimulatorJsonContext.Default.TrainingJobsResponse);
    }

    public Task TrainingJobById(HttpContext context)
    {
        if (!KnownProject(context, out var project, out var missing))
        {
            return missing;
        }

        var jobId = LogsEndpoints.RouteValue(context, "jobId");
        if (project.FindJob(jobId) is not { } job)
        {
            return Answers.Error(context, StatusCodes.Status404NotFound, $"Training job {jobId} not found");
        }

        var now = timeProvider.GetUtcNow();
        return Answers.Json(context, StatusCodes.Status200OK, new TrainingJobResponse(Project(project, now), Job(project, job, now)), SimulatorJsonContext.Default.TrainingJobResponse);
    }

    private bool KnownModel(HttpContext context, out SimulatedModel model, out Task missing)
    {
        var modelId = LogsEndpoints.RouteValue(context, "modelId");
        missing = Task.CompletedTask;
        model = world.FindModel(modelId)!;
        if (model is not null)
        {
            return true;
        }

        missing = Answers.Error(context, StatusCodes.Status404NotFound, $"Model {modelId} not found");
        return false;
    }

    private bool KnownProject(HttpContext context, out SimulatedProject project, out Task missing)
    {
        var projectId = LogsEndpoints.RouteValue(context, "projectId");
        missing = Task.CompletedTask;
        project = world.FindProject(projectId)!;
        if (project is not null)
        {
            return true;
        }

        missing = Answers.Error(context, StatusCodes.Status404NotFound, $"Training project {projectId} not found");
        return false;
    }

    private static ModelDto Model(SimulatedModel model) =>
        new(model.Id, model.CreatedAt, model.Name, model.Deployments.Count, model.Production?.Id, model.Development?.Id, model.InstanceTypeName, model.TeamName);

    private static DeploymentDto Deployment(SimulatedModel model, SimulatedDeployment deployment, DateTimeOffset now)
    {
        var phase = deployment.PhaseAt(now);
        // The spec: autoscaling_settings is null while the model has not finished deploying.
        var autoscaling = phase.Status is "BUILDING" or "BUILD_FAILED" or "BUILD_STOPPED" or "DEPLOYING"
            ? null
            : new AutoscalingDto(deployment.IsProduction ? 1 : 0, 8, 60, 900, 32, 70);
        return new DeploymentDto(
            deployment.Id,
            deployment.CreatedAt,
            deployment.Name,
            model.Id,
            deployment.IsProduction,
            deployment.IsDevelopment,
            phase.Status,
            phase.ActiveReplicas,
            autoscaling,
            model.InstanceTypeName,
            deployment.Environment);
    }

    private static TrainingProjectDto Project(SimulatedProject project, DateTimeOffset now) =>
        new(
            project.Id,
            project.Name,
            project.CreatedAt,
            project.UpdatedAt(now),
            project.TeamName,
            project.LatestJob is { } latest ? Job(project, latest, now) : null);

    private static TrainingJobDto Job(SimulatedProject project, SimulatedJob job, DateTimeOffset now) =>
        new(
            job.Id,
            job.CreatedAt,
            job.StatusAt(now),
            job.ErrorMessageAt(now),
            TrainingInstance,
            job.UpdatedAt(now),
            project.Id,
            new ProjectSummaryDto(project.Id, project.Name),
            job.Name);
}
