using System.Globalization;
using LogViewer.Simulator.Logs;
using LogViewer.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>The two logs endpoints: deployment logs and training job logs.</summary>
internal sealed class LogsEndpoints(SimulatedWorld world, TimeProvider timeProvider)
{
    public Task DeploymentLogs(HttpContext context)
    {
        var modelId = RouteValue(context, "modelId");
        var deploymentId = RouteValue(context, "deploymentId");
        if (world.FindModel(modelId) is not { } model)
        {
            return Answers.Error(context, StatusCodes.Status404NotFound, $"Model {modelId} not found");
        }

        if (model.FindDeployment(deploymentId) is not { } deployment)
        {
            return Answers.Error(context, StatusCodes.Status404NotFound, $"Deployment {deploymentId} not found");
        }

        return Answer(context, world.Targets[deployment.LogsPath], training: false);
    }

    public Task TrainingLogs(HttpContext context)
    {
        var projectId = RouteValue(context, "projectId");
        var jobId = RouteValue(context, "jobId");
        if (world.FindProject(projectId) is not { } project)
        {
            return Answers.Error(context, StatusCodes.Status404NotFound, $"Training project {projectId} not found");
        }

        if (project.FindJob(jobId) is not { } job)
        {
            return Answers.Error(context, StatusCodes.Status404NotFound, $"Training job {jobId} not found");
        }

        return Answer(context, world.Targets[job.LogsPath], training: true);
    }

    internal static string RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;

    private Task Answer(HttpContext context, TargetLogs logs, bool training)
    {
        var now = timeProvider.GetUtcNow();
        var rejection = LogsQueryParser.TryParse(context.Request.Query, training, now, out var query);
        if (rejection is not null)
        {
            return rejection.Status == StatusCodes.Status422UnprocessableEntity
                ? Answers.Unprocessable(context, rejection.Parameter!, rejection.Input!)
                : Answers.Error(context, rejection.Status, rejection.Message);
        }

        var lines = logs.Query(query!.FromNanos, query.ToNanos, query.Filter, query.Ascending, query.Limit, now);
        var dtos = new LogDto[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            dtos[i] = new LogDto(line.TimestampNanos.ToString(CultureInfo.InvariantCulture), line.Message, line.Replica, line.RequestId, line.Level);
        }

        return Answers.Json(context, StatusCodes.Status200OK, new LogsResponse(dtos), SimulatorJsonContext.Default.LogsResponse);
    }
}
