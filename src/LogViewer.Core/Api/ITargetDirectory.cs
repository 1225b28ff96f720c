using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// What can be tailed: the listing endpoints of Baseten's management API (models and their deployments, training
/// projects and their jobs). The HTTP implementation is <c>BasetenLogApiClient</c>. Failures are
/// <see cref="LogApiException"/>s like every other call. Lists come in the API's order; callers sort.
/// </summary>
public interface ITargetDirectory
{
    /// <summary>GET /v1/models.</summary>
    Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>GET /v1/models/{model_id}/deployments.</summary>
    Task<IReadOnlyList<DeploymentInfo>> ListDeploymentsAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>GET /v1/training_projects.</summary>
    Task<IReadOnlyList<TrainingProjectInfo>> ListTrainingProjectsAsync(CancellationToken cancellationToken);

    /// <summary>GET /v1/training_projects/{training_project_id}/jobs.</summary>
    Task<IReadOnlyList<TrainingJobInfo>> ListTrainingJobsAsync(string projectId, CancellationToken cancellationToken);
}
