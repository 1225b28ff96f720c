using LogViewer.Core.Catalog;
using LogViewer.Core.Decoding;
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

/// <summary>
/// One answer of the logs endpoint, in the order the server sent it, and what decoding it cost: entries skipped
/// (by the reason, naming the field at fault) and entries kept with repaired text.
/// </summary>
public sealed record LogPage(IReadOnlyList<LogEntry> Entries, DecodeReport Problems)
{
    /// <summary>A page that decoded cleanly.</summary>
    public LogPage(IReadOnlyList<LogEntry> entries)
        : this(entries, DecodeReport.None)
    {
    }

    /// <summary>Entries skipped as not decodable.</summary>
    public int SkippedMalformed => Problems.SkippedCount;
}

/// <summary>A training job's identity and lifecycle status as the API reports it.</summary>
public sealed record TrainingJobInfo(string Id, string? Name, string CurrentStatus, string? ErrorMessage)
{
    /// <summary>The job's project, when the answer said (listings and the job endpoint do).</summary>
    public string? ProjectId { get; init; }

    public string? ProjectName { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the status last changed; for a job that has ended, about when it ended.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Not started yet: Baseten's CLI waits in these states before tailing.</summary>
    public bool IsWaiting => CurrentStatus is "TRAINING_JOB_PENDING" or "TRAINING_JOB_CREATED" or "TRAINING_JOB_QUEUED"
        or "PENDING" or "CREATED" or "QUEUED";

    /// <summary>Producing logs.</summary>
    public bool IsRunning => CurrentStatus is "TRAINING_JOB_DEPLOYING" or "TRAINING_JOB_RUNNING" or "DEPLOYING" or "RUNNING";

    /// <summary>Finished one way or another: completed, failed, stopped, deploy failed.</summary>
    public bool IsTerminal => !IsWaiting && !IsRunning;

    /// <summary>Finished successfully.</summary>
    public bool IsCompleted => CurrentStatus is "TRAINING_JOB_COMPLETED" or "COMPLETED";

    /// <summary>The status without Baseten's <c>TRAINING_JOB_</c> prefix, for display.</summary>
    public string ShortStatus => CurrentStatus.StartsWith("TRAINING_JOB_", StringComparison.Ordinal)
        ? CurrentStatus["TRAINING_JOB_".Length..]
        : CurrentStatus;
}
