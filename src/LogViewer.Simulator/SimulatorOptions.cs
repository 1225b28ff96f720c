namespace LogViewer.Simulator;

/// <summary>
/// How a <see cref="Hosting.SimulatorServer"/> behaves. The defaults are the demo's: no ingestion lag, no faults,
/// bursts on, the demo training job running; tests override what they exercise.
/// </summary>
public sealed record SimulatorOptions
{
    /// <summary>The key the fake server accepts when none is given. Obviously not a real Baseten key.</summary>
    public const string DefaultApiKey = "sim_fake_key_0123456789abcdef";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The key accepted with the <c>Bearer</c> or <c>Api-Key</c> scheme.</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>Seed for every generated line and every fault decision: same seed and start time, same lines.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The clock for line generation, visibility, job timelines, outages and the rate limit.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Average lines per second per target, outside bursts.</summary>
    public double LinesPerSecond { get; init; } = 20;

    /// <summary>Replicas of the demo deployment (each with a stable 5-character id).</summary>
    public int ReplicaCount { get; init; } = 3;

    /// <summary>How much past the server has logs for when it starts (deployment and demo job).</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Smallest delay between a line's timestamp and the moment it becomes queryable.</summary>
    public TimeSpan IngestionLagMin { get; init; } = TimeSpan.Zero;

    /// <summary>Largest delay between a line's timestamp and the moment it becomes queryable.</summary>
    public TimeSpan IngestionLagMax { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Lines older than this (by timestamp, against the clock) are forgotten, so a demo left running for days keeps
    /// a bounded memory; they disappear from queries and the ground truth too. Null keeps every line.
    /// </summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>
    /// Logs paths whose history is generated on a background thread as soon as the server starts, instead of at the
    /// first request for them: the demo names the target it is about to tail, so that work overlaps the web host's and
    /// the viewer's start-up. A request that comes first waits for it (the target's lock), never sees a partial history.
    /// </summary>
    public IReadOnlyList<string> PrepareTargets { get; init; } = [];

    /// <summary>Occasional bursts: hundreds of lines in one millisecond, and bursts larger than a page.</summary>
    public bool Bursts { get; init; } = true;

    /// <summary>
    /// Requests per second per endpoint the key may make (Baseten documents 100); 0 turns the limit off.
    /// Counted on <see cref="TimeProvider"/>: on a manual clock that does not move, every request falls in one second.
    /// </summary>
    public int RateLimitPerSecond { get; init; } = 100;

    /// <summary>The fault knobs the server starts with; change them at run time through <see cref="Hosting.SimulatorServer.Faults"/>.</summary>
    public SimulatorFaultSettings Faults { get; init; } = new();

    /// <summary>
    /// The demo's long training job. Offsets count from the server's start; it is already running when the
    /// server starts (its history is pre-generated) and keeps running for years.
    /// </summary>
    public JobTimeline? DemoJobTimeline { get; init; }

    /// <summary>How long after the server's start the waking-up deployment (<see cref="SimulatorCatalog.WakingDeploymentId"/>) becomes ACTIVE.</summary>
    public TimeSpan WakeUpAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The short job that completes: CREATED, QUEUED, DEPLOYING, RUNNING, then COMPLETED about a minute after start.</summary>
    public JobTimeline ShortJobTimeline { get; init; } = new(TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(35));

    /// <summary>The job that fails: same phases as the short job, then FAILED with an error message.</summary>
    public JobTimeline FailingJobTimeline { get; init; } = new(TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25));
}
