namespace LogViewer.Simulator;

/// <summary>Training job statuses, spelled as Baseten's API spells them.</summary>
public static class SimulatorJobStatus
{
    public const string Created = "TRAINING_JOB_CREATED";
    public const string Queued = "TRAINING_JOB_QUEUED";
    public const string Deploying = "TRAINING_JOB_DEPLOYING";
    public const string Running = "TRAINING_JOB_RUNNING";
    public const string Completed = "TRAINING_JOB_COMPLETED";
    public const string Failed = "TRAINING_JOB_FAILED";
    public const string Stopped = "TRAINING_JOB_STOPPED";
}
