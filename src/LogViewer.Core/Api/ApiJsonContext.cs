using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogViewer.Core.Api;

/// <summary>GET /v1/training_projects/{id}/jobs/{job_id}: only the fields LogViewer reads.</summary>
internal sealed record TrainingJobResponse(
    [property: JsonPropertyName("training_job")] TrainingJobBody? TrainingJob);

internal sealed record TrainingJobBody(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("current_status")] string? CurrentStatus,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt = null,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt = null);

/// <summary>
/// An error answer. Servers and gateways disagree on the shape: <c>error</c>, <c>message</c>, FastAPI's
/// <c>detail</c> (a string or a list of <c>{msg}</c>), and the rate limiter's <c>retry_after</c>; hence JsonElement
/// where the type varies.
/// </summary>
internal sealed record ApiErrorBody(
    [property: JsonPropertyName("error")] JsonElement Error,
    [property: JsonPropertyName("detail")] JsonElement Detail,
    [property: JsonPropertyName("message")] JsonElement Message,
    [property: JsonPropertyName("retry_after")] JsonElement RetryAfter);

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(TrainingJobResponse))]
[JsonSerializable(typeof(ApiErrorBody))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
