namespace LogViewer.Simulator;

/// <summary>
/// A training job's life relative to the server's start: it is created at <paramref name="CreatedAfterStart"/>
/// (may be negative: before the server started), then stays CREATED, QUEUED, DEPLOYING and RUNNING for the given
/// durations, and ends COMPLETED or FAILED. Logs exist only while DEPLOYING or RUNNING.
/// </summary>
public sealed record JobTimeline(TimeSpan CreatedAfterStart, TimeSpan Created, TimeSpan Queued, TimeSpan Deploying, TimeSpan Running)
{
    /// <summary>When DEPLOYING begins, relative to the server's start.</summary>
    public TimeSpan DeployingAfterStart => CreatedAfterStart + Created + Queued;

    /// <summary>When RUNNING begins, relative to the server's start.</summary>
    public TimeSpan RunningAfterStart => DeployingAfterStart + Deploying;

    /// <summary>When the job ends (COMPLETED or FAILED), relative to the server's start.</summary>
    public TimeSpan EndsAfterStart => RunningAfterStart + Running;
}
