using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Baseten's log API as the rest of LogViewer sees it. The HTTP implementation is <c>BasetenLogApiClient</c>;
/// the tail engine's tests substitute this interface. Every failure is a <see cref="LogApiException"/>
/// whose <see cref="LogApiException.Kind"/> says what happened.
/// </summary>
public interface ILogApi
{
    /// <summary>One page of logs for <paramref name="target"/>. The query is validated first.</summary>
    Task<LogPage> GetLogsAsync(LogTarget target, LogQuery query, CancellationToken cancellationToken);

    /// <summary>The training job's current status (GET /v1/training_projects/{id}/jobs/{job_id}).</summary>
    Task<TrainingJobInfo> GetTrainingJobAsync(TrainingJobTarget target, CancellationToken cancellationToken);

    /// <summary>The deployment's status and active replica count (GET /v1/models/{id}/deployments/{deployment_id}).</summary>
    Task<DeploymentInfo> GetDeploymentAsync(DeploymentTarget target, CancellationToken cancellationToken);
}
