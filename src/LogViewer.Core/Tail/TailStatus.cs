namespace LogViewer.Core.Tail;

/// <summary>The tail engine's state, as the status bar and stderr report it.</summary>
public enum TailState
{
    /// <summary>Before the first answer.</summary>
    Connecting,

    /// <summary>Waiting for a training job that is still pending, created or queued.</summary>
    WaitingForJob,

    /// <summary>Reading history or paging through a backlog: <see cref="TailStatus.Behind"/> says how far behind.</summary>
    CatchingUp,

    /// <summary>Caught up; polling every interval. <see cref="TailStatus.LastPollAt"/> is the last answer.</summary>
    Live,

    /// <summary>Waiting before the next try: <see cref="TailStatus.Reason"/> says why, <see cref="TailStatus.RetryAt"/> until when.</summary>
    Retrying,

    /// <summary>The requested range is read and the tail is not following (or the job ended): nothing more will come.</summary>
    Ended,

    /// <summary>
    /// The training job ended and its trailing lines are read: polling stopped, but a <see cref="TailControl"/> can
    /// resume it (the TUI's choice; text and jsonl output end instead).
    /// </summary>
    Stopped,

    /// <summary>Stopped for good: key rejected, id not found, bad query. <see cref="TailStatus.Message"/> says which.</summary>
    Fatal,
}

/// <summary>Why the engine is waiting in <see cref="TailState.Retrying"/>.</summary>
public enum RetryReason
{
    None,
    RateLimited,
    ServerError,
    Network,
}

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

    /// <summary>For deployments: the last status read (every 30 s or so), with its active replica count.</summary>
    public Catalog.DeploymentInfo? Deployment { get; init; }
}

/// <summary>
/// Something the user must know that does not change the state: lines that may be missing from a millisecond
/// holding more than the API can page through, or entries the API sent with unreadable timestamps.
/// </summary>
public sealed record TailWarning(DateTimeOffset At, string Message) : TailEvent;
