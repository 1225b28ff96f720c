using LogViewer.Core.Api;

namespace LogViewer.Core.Tail;

/// <summary>
/// How the tail engine reads: which range, whether it follows, how often it polls, and the server-side
/// filters it sends with every request (<see cref="Filters"/>; its start, end, direction and limit are ignored:
/// the engine sets those itself).
/// </summary>
public sealed record TailOptions
{
    /// <summary>Start of the range (epoch ms). <c>null</c>: <see cref="DefaultSince"/> before now.</summary>
    public long? FromEpochMillis { get; init; }

    /// <summary>End of the range (epoch ms). <c>null</c>: now. With <see cref="Follow"/> the tail goes on live past it.</summary>
    public long? ToEpochMillis { get; init; }

    public static readonly TimeSpan DefaultSince = TimeSpan.FromMinutes(30);

    /// <summary>Keep polling for new lines after the range is read (false for --no-follow or a range with an end).</summary>
    public bool Follow { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How far before the cursor each poll re-reads, to catch lines that arrive late.</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Server-side filters (min_level, replica, request_id, search_pattern, includes, excludes).</summary>
    public LogQuery Filters { get; init; } = new();

    /// <summary>For training jobs: how often the job's status is polled.</summary>
    public TimeSpan JobStatusInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>For training jobs: how long to keep tailing after the job reaches a terminal state.</summary>
    public TimeSpan TrailingLinesGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>For training jobs: stop when the job has ended and its trailing lines are read. False for --no-exit.</summary>
    public bool EndWhenJobEnds { get; init; } = true;

    /// <summary>For deployments: how often the deployment's status and replica count are read.</summary>
    public TimeSpan DeploymentStatusInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For training jobs with <see cref="EndWhenJobEnds"/>: when set, the tail stops polling after the job's end
    /// (<see cref="TailState.Stopped"/>) and waits for <see cref="TailControl.Resume"/> instead of ending the stream.
    /// </summary>
    public TailControl? Control { get; init; }

    /// <summary>
    /// Read the range newest first: one descending page shows the present at once, then the tail goes live and the
    /// rest of the range back-fills, newest to oldest, between live polls (the TUI). False: oldest first, as text
    /// and jsonl output need for strict time order.
    /// </summary>
    public bool NewestFirst { get; init; }

    /// <summary>
    /// With <see cref="NewestFirst"/>: the back-fill stops once this many lines have been read (the viewer's
    /// <c>--max-lines</c>: lines older than what it holds would be evicted as soon as they arrived). <c>null</c>: no limit.
    /// </summary>
    public int? HistoryLineLimit { get; init; }

    /// <summary>
    /// For training jobs: the range starts at the job's <c>created_at</c> (when the API gives it) instead of
    /// <see cref="FromEpochMillis"/>, so a job is read from its first line (the TUI, when neither <c>--since</c> nor
    /// <c>--from</c> is given). A range over 7 days is split as any other.
    /// </summary>
    public bool StartAtJobCreation { get; init; }

    /// <summary>Longest wait between retries of a transient failure.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
