using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

// The management API's listing and status calls: the same transport, key handling and failure translation as the
// log calls. An entry without an id cannot be opened and is dropped; any other missing field gets a neutral value.
public sealed partial class BasetenLogApiClient : ITargetDirectory
{
    private const string UnknownStatus = "UNKNOWN";

    /// <inheritdoc />
    public async Task<DeploymentInfo> GetDeploymentAsync(DeploymentTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var body = await GetAsync(
            $"/v1/models/{Escape(target.ModelId)}/deployments/{Escape(target.DeploymentId)}", target, ManagementJsonContext.Default.DeploymentBody, cancellationToken).ConfigureAwait(false);
        return ToDeployment(body, target.ModelId)
            ?? throw new LogApiException(ApiFailureKind.InvalidResponse, "The deployment answer has no id.", 200);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var body = await GetAsync("/v1/models", null, ManagementJsonContext.Default.ModelsBody, cancellationToken).ConfigureAwait(false);
        return [.. (body?.Models ?? []).OfType<ModelBody>().Where(m => !string.IsNullOrEmpty(m.Id))
            .Select(m => new ModelInfo(m.Id!, m.Name ?? m.Id!, m.CreatedAt, m.ProductionDeploymentId, m.DevelopmentDeploymentId, m.TeamName))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeploymentInfo>> ListDeploymentsAsync(string modelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var body = await GetAsync($"/v1/models/{Escape(modelId)}/deployments", new IdsOnly("model", modelId), ManagementJsonContext.Default.DeploymentsBody, cancellationToken)
            .ConfigureAwait(false);
        return [.. (body?.Deployments ?? []).Select(d => ToDeployment(d, modelId)).OfType<DeploymentInfo>()];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrainingProjectInfo>> ListTrainingProjectsAsync(CancellationToken cancellationToken)
    {
        var body = await GetAsync("/v1/training_projects", null, ManagementJsonContext.Default.TrainingProjectsBody, cancellationToken).ConfigureAwait(false);
        return [.. (body?.TrainingProjects ?? []).OfType<TrainingProjectBody>().Where(p => !string.IsNullOrEmpty(p.Id))
            .Select(p => new TrainingProjectInfo(p.Id!, p.Name ?? p.Id!, p.CreatedAt, p.UpdatedAt, p.TeamName, ToJob(p.LatestJob, p.Id!, p.Name)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrainingJobInfo>> ListTrainingJobsAsync(string projectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectId);
        var body = await GetAsync(
            $"/v1/training_projects/{Escape(projectId)}/jobs", new IdsOnly("training project", projectId), ManagementJsonContext.Default.TrainingJobsBody, cancellationToken)
            .ConfigureAwait(false);
        return [.. (body?.TrainingJobs ?? []).Select(j => ToJob(j, projectId, null)).OfType<TrainingJobInfo>()];
    }

    private async Task<T?> GetAsync<T>(string path, LogTarget? target, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(_baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + path, UriKind.Absolute);
        var body = await SendAsync(uri, target, limit: null, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex, body);
        }
    }

    private static DeploymentInfo? ToDeployment(DeploymentBody? d, string modelId) => d is null || string.IsNullOrEmpty(d.Id)
        ? null
        : new DeploymentInfo(
            d.Id,
            d.ModelId ?? modelId,
            d.Name ?? d.Id,
            d.Status ?? UnknownStatus,
            d.ActiveReplicaCount ?? 0,
            d.IsProduction ?? false,
            d.IsDevelopment ?? false,
            d.Environment,
            d.CreatedAt);

    private static TrainingJobInfo? ToJob(TrainingJobListBody? j, string projectId, string? projectName) => j is null || string.IsNullOrEmpty(j.Id)
        ? null
        : new TrainingJobInfo(j.Id, j.Name, j.CurrentStatus ?? UnknownStatus, j.ErrorMessage)
        {
            ProjectId = j.TrainingProjectId ?? j.TrainingProject?.Id ?? projectId,
            ProjectName = j.TrainingProject?.Name ?? projectName,
            CreatedAt = j.CreatedAt,
            UpdatedAt = j.UpdatedAt,
        };

    private static string Escape(string id) => Uri.EscapeDataString(id);

    /// <summary>Names the ids of a listing in a not-found message; never tailed.</summary>
    private sealed record IdsOnly(string Name, string Value) : LogTarget
    {
        public override string Describe() => $"{Name} {Value}";

        public override IReadOnlyList<(string Name, string Value)> Ids => [(Name, Value)];
    }
}
