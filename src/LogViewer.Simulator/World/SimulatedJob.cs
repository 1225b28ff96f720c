namespace LogViewer.Simulator.World;

/// <summary>A training job on its timeline: its status, update time and error message at any moment.</summary>
internal sealed class SimulatedJob(string projectId, string id, string name, DateTimeOffset serverStart, JobTimeline timeline, JobOutcome outcome, string? errorMessage = null)
{
    public const string FailureMessage = "Training job exited with code 1: torch.OutOfMemoryError: CUDA out of memory.";

    public string ProjectId { get; } = projectId;

    public string Id { get; } = id;

    public string Name { get; } = name;

    public JobTimeline Timeline { get; } = timeline;

    public JobOutcome Outcome { get; } = outcome;

    public bool Fails => Outcome == JobOutcome.Failed;

    public DateTimeOffset CreatedAt => serverStart + Timeline.CreatedAfterStart;

    public DateTimeOffset DeployingAt => serverStart + Timeline.DeployingAfterStart;

    public DateTimeOffset RunningAt => serverStart + Timeline.RunningAfterStart;

    public DateTimeOffset EndsAt => serverStart + Timeline.EndsAfterStart;

    public string LogsPath => SimulatedWorld.TrainingLogsPath(ProjectId, Id);

    private DateTimeOffset QueuedAt => CreatedAt + Timeline.Created;

    /// <summary>The status at <paramref name="now"/>; before its creation a job reports CREATED (it is listed anyway).</summary>
    public string StatusAt(DateTimeOffset now) =>
        now >= EndsAt ? Outcome switch
        {
            JobOutcome.Failed => SimulatorJobStatus.Failed,
            JobOutcome.Stopped => SimulatorJobStatus.Stopped,
            _ => SimulatorJobStatus.Completed,
        }
        : now >= RunningAt ? SimulatorJobStatus.Running
        : now >= DeployingAt ? SimulatorJobStatus.Deploying
        : now >= QueuedAt ? SimulatorJobStatus.Queued
        : SimulatorJobStatus.Created;

    /// <summary>When the status last changed, as of <paramref name="now"/>.</summary>
    public DateTimeOffset UpdatedAt(DateTimeOffset now) =>
        now >= EndsAt ? EndsAt
        : now >= RunningAt ? RunningAt
        : now >= DeployingAt ? DeployingAt
        : now >= QueuedAt ? QueuedAt
        : CreatedAt;

    public string? ErrorMessageAt(DateTimeOffset now) => Fails && now >= EndsAt ? errorMessage ?? FailureMessage : null;
}
