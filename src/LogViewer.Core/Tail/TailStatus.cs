using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// One status change of the tail engine. <see cref="Message"/> is a complete human sentence (for stderr and
/// the status bar); the other fields let a UI render its own text, such as a countdown to <see cref="RetryAt"/>.
/// </summary>
public sealed record TailStatus(TailState State, DateTimeOffset At, string Message) : TailEvent
{
    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>While catching up: the time between the newest line read and now.</summary>
    public TimeSpan? Behind { get; init; }

    public RetryReason Reason { get; init; }

    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>For <see cref="TailState.Fatal"/>: what failed (the CLI maps it to an exit code).</summary>
    public Api.ApiFailureKind? Failure { get; init; }

    /// <summary>For training jobs: the job's status without the TRAINING_JOB_ prefix (RUNNING, COMPLETED...).</summary>
    public string? JobStatus { get; init; }

    /// <summary>For training jobs that failed: the API's error_message.</summary>
    public string? JobError { get; init; }

    /// <summary>For training jobs that ended: when (the job's updated_at, else when the tail first saw it ended).</summary>
    public DateTimeOffset? JobEndedAt { get; init; }

    /// <summary>With <see cref="TailOptions.NewestFirst"/>: how far the back-fill of the range has read.</summary>
    public HistoryProgress? History { get; init; }

    /// <summary>
    /// What is being done, in a few words the status bar shows instead of the state's own ("reading big.jsonl, 41%"):
    /// for work that is not a tail's, such as a replay still reading its file behind the viewer.
    /// </summary>
    public string? Activity { get; init; }

    /// <summary>For deployments: the last status read (every 30 s or so), with its active replica count.</summary>
    public DeploymentInfo? Deployment { get; init; }
}
