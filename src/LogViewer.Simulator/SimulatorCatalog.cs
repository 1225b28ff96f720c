namespace LogViewer.Simulator;

/// <summary>
/// The ids of everything the simulator serves, and the logs path of each target (the key for
/// <see cref="SimulatorServer.GroundTruth"/> and <see cref="SimulatorServer.AddLines"/>).
/// </summary>
public static class SimulatorCatalog
{
    /// <summary>The one simulated model.</summary>
    public const string DemoModelId = "q4lrm2w3";

    /// <summary>Its production deployment: ACTIVE, serving inference requests on several replicas.</summary>
    public const string DemoDeploymentId = "w7x9k2p";

    public const string DemoDeploymentLogsPath = "/v1/models/" + DemoModelId + "/deployments/" + DemoDeploymentId + "/logs";

    /// <summary>The one simulated training project.</summary>
    public const string DemoTrainingProjectId = "lqz4pw4";

    /// <summary>The demo's training job: RUNNING for hours (effectively for good).</summary>
    public const string DemoTrainingJobId = "gvpql31";

    public const string DemoTrainingJobLogsPath = "/v1/training_projects/" + DemoTrainingProjectId + "/jobs/" + DemoTrainingJobId + "/logs";

    /// <summary>A job that goes CREATED, QUEUED, DEPLOYING, RUNNING, COMPLETED within about a minute of the server's start.</summary>
    public const string ShortTrainingJobId = "m3kd8zq";

    public const string ShortTrainingJobLogsPath = "/v1/training_projects/" + DemoTrainingProjectId + "/jobs/" + ShortTrainingJobId + "/logs";

    /// <summary>A job that goes the same way but ends FAILED with an error message.</summary>
    public const string FailingTrainingJobId = "x8b2n5r";

    public const string FailingTrainingJobLogsPath = "/v1/training_projects/" + DemoTrainingProjectId + "/jobs/" + FailingTrainingJobId + "/logs";
}

/// <summary>Training job statuses, spelled as Baseten's API spells them.</summary>
public static class SimulatorJobStatus
{
    public const string Created = "TRAINING_JOB_CREATED";
    public const string Queued = "TRAINING_JOB_QUEUED";
    public const string Deploying = "TRAINING_JOB_DEPLOYING";
    public const string Running = "TRAINING_JOB_RUNNING";
    public const string Completed = "TRAINING_JOB_COMPLETED";
    public const string Failed = "TRAINING_JOB_FAILED";
}
