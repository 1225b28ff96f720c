namespace LogViewer.Core.Model;

/// <summary>What to read logs from: a model deployment or a training job.</summary>
public abstract record LogTarget
{
    /// <summary>A short human description, for status bars and messages ("model abc / deployment def").</summary>
    public abstract string Describe();

    /// <summary>The ids in the URL, in order, for a not-found message.</summary>
    public abstract IReadOnlyList<(string Name, string Value)> Ids { get; }
}

/// <summary>A model deployment: <c>/v1/models/{ModelId}/deployments/{DeploymentId}/logs</c>.</summary>
public sealed record DeploymentTarget(string ModelId, string DeploymentId) : LogTarget
{
    public override string Describe() => $"model {ModelId} / deployment {DeploymentId}";

    public override IReadOnlyList<(string Name, string Value)> Ids => [("model", ModelId), ("deployment", DeploymentId)];
}

/// <summary>A training job: <c>/v1/training_projects/{ProjectId}/jobs/{JobId}/logs</c>.</summary>
public sealed record TrainingJobTarget(string ProjectId, string JobId) : LogTarget
{
    public override string Describe() => $"training project {ProjectId} / job {JobId}";

    public override IReadOnlyList<(string Name, string Value)> Ids => [("training project", ProjectId), ("training job", JobId)];
}
