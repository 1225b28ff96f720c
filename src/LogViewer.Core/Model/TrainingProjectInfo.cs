namespace LogViewer.Core.Model;

/// <summary>A training project as the listing reports it (TrainingProjectV1), with its most recently created job when it has one.</summary>
public sealed record TrainingProjectInfo(string Id, string Name, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? TeamName, TrainingJobInfo? LatestJob);
