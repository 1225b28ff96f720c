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
