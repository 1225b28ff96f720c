namespace LogViewer.Core.Model;

/// <summary>
/// A model deployment (DeploymentV1): identity, role (production, development, environment) and lifecycle
/// (<see cref="Status"/>, <see cref="ActiveReplicaCount"/>). <see cref="Describe"/> puts the status in words.
/// </summary>
public sealed record DeploymentInfo(
    string Id,
    string ModelId,
    string Name,
    string Status,
    int ActiveReplicaCount,
    bool IsProduction,
    bool IsDevelopment,
    string? Environment,
    DateTimeOffset? CreatedAt)
{
    /// <summary>"production", "development", the environment's name, or null.</summary>
    public string? Role => IsProduction ? "production" : IsDevelopment ? "development" : Environment;

    /// <summary>Serving: ACTIVE with replicas, or updating in place.</summary>
    public bool IsServing => Status is "ACTIVE" or "UPDATING";

    /// <summary>The status and replica count as a phrase: "scaled to zero (no replicas running)".</summary>
    public string Describe() => DeploymentStatusWords.Describe(Status, ActiveReplicaCount);
}
