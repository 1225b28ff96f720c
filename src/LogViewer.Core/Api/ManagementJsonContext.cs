using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogViewer.Core.Api;

// The management subset's listing and status answers, only the fields LogViewer reads. Everything is nullable so
// that a field the spec calls optional (or a required one a server leaves out) is tolerated; the client decides
// which absences matter (an id does; a name, an environment or an error message does not).

internal sealed record ModelsBody([property: JsonPropertyName("models")] IReadOnlyList<ModelBody?>? Models);

internal sealed record ModelBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("production_deployment_id")] string? ProductionDeploymentId,
    [property: JsonPropertyName("development_deployment_id")] string? DevelopmentDeploymentId,
    [property: JsonPropertyName("team_name")] string? TeamName);

internal sealed record DeploymentsBody([property: JsonPropertyName("deployments")] IReadOnlyList<DeploymentBody?>? Deployments);

internal sealed record DeploymentBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("model_id")] string? ModelId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("is_production")] bool? IsProduction,
    [property: JsonPropertyName("is_development")] bool? IsDevelopment,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("active_replica_count")] int? ActiveReplicaCount,
    [property: JsonPropertyName("environment")] string? Environment);

internal sealed record TrainingProjectsBody([property: JsonPropertyName("training_projects")] IReadOnlyList<TrainingProjectBody?>? TrainingProjects);

internal sealed record TrainingProjectBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("team_name")] string? TeamName,
    [property: JsonPropertyName("latest_job")] TrainingJobListBody? LatestJob);

internal sealed record TrainingJobsBody([property: JsonPropertyName("training_jobs")] IReadOnlyList<TrainingJobListBody?>? TrainingJobs);

internal sealed record TrainingJobListBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("current_status")] string? CurrentStatus,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("training_project_id")] string? TrainingProjectId,
    [property: JsonPropertyName("training_project")] ProjectSummaryBody? TrainingProject);

internal sealed record ProjectSummaryBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ModelsBody))]
[JsonSerializable(typeof(DeploymentsBody))]
[JsonSerializable(typeof(DeploymentBody))]
[JsonSerializable(typeof(TrainingProjectsBody))]
[JsonSerializable(typeof(TrainingJobsBody))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
