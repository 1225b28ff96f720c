namespace LogViewer.Core.Model;

/// <summary>A model as the listing reports it (ModelV1): its ids and which deployments are production and development.</summary>
public sealed record ModelInfo(string Id, string Name, DateTimeOffset? CreatedAt, string? ProductionDeploymentId, string? DevelopmentDeploymentId, string? TeamName);
