namespace LogViewer.Core.Model;

/// <summary>
/// A training job's lifecycle status as the API spells it (<c>TRAINING_JOB_RUNNING</c>), or its short form
/// (<c>RUNNING</c>) as statuses carry it: what it means for tailing, and how it is shown.
/// </summary>
public readonly record struct TrainingJobStatus(string Value)
{
    private const string Prefix = "TRAINING_JOB_";

    /// <summary>The status without Baseten's <c>TRAINING_JOB_</c> prefix, for display.</summary>
    public string ShortName => Value.StartsWith(Prefix, StringComparison.Ordinal) ? Value[Prefix.Length..] : Value;

    /// <summary>Not started yet: Baseten's CLI waits in these states before tailing.</summary>
    public bool IsWaiting => ShortName is "PENDING" or "CREATED" or "QUEUED";

    /// <summary>Producing logs.</summary>
    public bool IsRunning => ShortName is "DEPLOYING" or "RUNNING";

    /// <summary>Finished one way or another: completed, failed, stopped, deploy failed.</summary>
    public bool IsTerminal => !IsWaiting && !IsRunning;

    /// <summary>Finished successfully.</summary>
    public bool IsCompleted => ShortName is "COMPLETED";

    public override string ToString() => ShortName;
}
