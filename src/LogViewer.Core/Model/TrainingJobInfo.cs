namespace LogViewer.Core.Model;

/// <summary>A training job's identity and lifecycle status as the API reports it.</summary>
public sealed record TrainingJobInfo(string Id, string? Name, string CurrentStatus, string? ErrorMessage)
{
    /// <summary>The job's project, when the answer said (listings and the job endpoint do).</summary>
    public string? ProjectId { get; init; }

    public string? ProjectName { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the status last changed; for a job that has ended, about when it ended.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>What <see cref="CurrentStatus"/> means for tailing, and its short form.</summary>
    public TrainingJobStatus Status => new(CurrentStatus);

    /// <summary>Not started yet: Baseten's CLI waits in these states before tailing.</summary>
    public bool IsWaiting => Status.IsWaiting;

    /// <summary>Producing logs.</summary>
    public bool IsRunning => Status.IsRunning;

    /// <summary>Finished one way or another: completed, failed, stopped, deploy failed.</summary>
    public bool IsTerminal => Status.IsTerminal;

    /// <summary>Finished successfully.</summary>
    public bool IsCompleted => Status.IsCompleted;

    /// <summary>The status without Baseten's <c>TRAINING_JOB_</c> prefix, for display.</summary>
    public string ShortStatus => Status.ShortName;
}
