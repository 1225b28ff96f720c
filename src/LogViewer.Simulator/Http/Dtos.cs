using System.Text.Json.Serialization;

namespace LogViewer.Simulator.Http;

// The wire shapes of Baseten's API (LogV1 and the management subset), as the server writes them.

internal sealed record LogsResponse(IReadOnlyList<LogDto> Logs);

internal sealed record LogDto(string Timestamp, string Message, string? Replica, string? RequestId, string? Level);

internal sealed record ErrorBody(string Error);

internal sealed record RateLimitBody(string Error, int RetryAfter);

internal sealed record ValidationBody(IReadOnlyList<ValidationDetail> Detail);

internal sealed record ValidationDetail(IReadOnlyList<string> Loc, string Msg, string Type, string Input);

internal sealed record ModelsResponse(IReadOnlyList<ModelDto> Models);

internal sealed record ModelDto(
    string Id,
    DateTimeOffset CreatedAt,
    string Name,
    int DeploymentsCount,
    string? ProductionDeploymentId,
    string? DevelopmentDeploymentId,
    string InstanceTypeName,
    string TeamName);

internal sealed record DeploymentsResponse(IReadOnlyList<DeploymentDto> Deployments);

internal sealed record DeploymentDto(
    string Id,
    DateTimeOffset CreatedAt,
    string Name,
    string ModelId,
    bool IsProduction,
    bool IsDevelopment,
    string Status,
    int ActiveReplicaCount,
    AutoscalingDto? AutoscalingSettings,
    string? InstanceTypeName,
    string? Environment);

internal sealed record AutoscalingDto(
    int MinReplica,
    int MaxReplica,
    int? AutoscalingWindow,
    int? ScaleDownDelay,
    int ConcurrencyTarget,
    int? TargetUtilizationPercentage);

internal sealed record TrainingProjectsResponse(IReadOnlyList<TrainingProjectDto> TrainingProjects);

internal sealed record TrainingProjectDto(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? TeamName,
    TrainingJobDto? LatestJob);

internal sealed record TrainingJobsResponse(TrainingProjectDto TrainingProject, IReadOnlyList<TrainingJobDto> TrainingJobs);

internal sealed record TrainingJobResponse(TrainingProjectDto TrainingProject, TrainingJobDto TrainingJob);

internal sealed record TrainingJobDto(
    string Id,
    DateTimeOffset CreatedAt,
    string CurrentStatus,
    string? ErrorMessage,
    InstanceTypeDto InstanceType,
    DateTimeOffset UpdatedAt,
    string TrainingProjectId,
    ProjectSummaryDto TrainingProject,
    string? Name);

internal sealed record InstanceTypeDto(
    string Id,
    string Name,
    int MemoryLimitMib,
    int MillicpuLimit,
    int GpuCount,
    string? GpuType,
    int? GpuMemoryLimitMib);

internal sealed record ProjectSummaryDto(string Id, string Name);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LogsResponse))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(ValidationBody))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(DeploymentsResponse))]
[JsonSerializable(typeof(DeploymentDto))]
[JsonSerializable(typeof(TrainingProjectsResponse))]
[JsonSerializable(typeof(TrainingJobsResponse))]
[JsonSerializable(typeof(TrainingJobResponse))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
