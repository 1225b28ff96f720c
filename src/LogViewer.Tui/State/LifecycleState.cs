using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Tui.State;

/// <summary>
/// The target's own lifecycle, as the tail reported it last: a training job's status, error and end, whether
/// polling stopped because it ended, or a deployment's status and replica count. What explains an empty or stalled log.
/// </summary>
internal sealed record LifecycleState
{
    public static LifecycleState None { get; } = new();

    /// <summary>RUNNING, FAILED... (without TRAINING_JOB_).</summary>
    public string? JobStatus { get; init; }

    public string? JobError { get; init; }

    public DateTimeOffset? JobEndedAt { get; init; }

    /// <summary>The job ended and polling stopped; <c>R</c> resumes it.</summary>
    public bool Stopped { get; init; }

    public DeploymentInfo? Deployment { get; init; }

    /// <summary>Started from the picker: <c>p</c> goes back to it.</summary>
    public bool CanGoBack { get; init; }

    /// <summary>The zone job end times are shown in (the viewer's local zone, or UTC with --utc).</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>This slice after a status from the tail: lifecycle fields are carried by every status once known.</summary>
    public LifecycleState With(TailStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return this with
        {
            JobStatus = status.JobStatus ?? JobStatus,
            JobError = status.JobStatus is null ? JobError : status.JobError,
            JobEndedAt = status.JobStatus is null ? JobEndedAt : status.JobEndedAt,
            Deployment = status.Deployment ?? Deployment,
            Stopped = status.State == TailState.Stopped,
        };
    }
}
