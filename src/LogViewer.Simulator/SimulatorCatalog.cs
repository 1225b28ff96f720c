namespace LogViewer.Simulator;

/// <summary>
/// The ids of everything the simulator serves, and the logs path of each target (the key for
/// <see cref="Hosting.SimulatorServer.GroundTruth"/> and <see cref="Hosting.SimulatorServer.AddLines"/>).
/// </summary>
public static class SimulatorCatalog
{
    /// <summary>The demo model, <c>llama-3-8b-instruct</c>: an ACTIVE production deployment and a development one whose build failed.</summary>
    public const string DemoModelId = "q4lrm2w3";

    /// <summary>Its production deployment: ACTIVE, serving inference requests on several replicas.</summary>
    public const string DemoDeploymentId = "w7x9k2p";

    public const string DemoDeploymentLogsPath = "/v1/models/" + DemoModelId + "/deployments/" + DemoDeploymentId + "/logs";

    /// <summary>The demo model's development deployment: BUILD_FAILED a day before the server started.</summary>
    public const string BuildFailedDeploymentId = "d8m1r4t";

    /// <summary><c>whisper-large-v3</c>: one production deployment, SCALED_TO_ZERO since 45 minutes before the server started.</summary>
    public const string ScaledToZeroModelId = "e2v8hq1";

    public const string ScaledToZeroDeploymentId = "s0z4c7n";

    /// <summary><c>sdxl-turbo</c>: only a development deployment, WAKING_UP from the server's start, ACTIVE after <see cref="SimulatorOptions.WakeUpAfter"/>.</summary>
    public const string WakingModelId = "k6f3w9b";

    public const string WakingDeploymentId = "j5u2y8e";

    public const string WakingDeploymentLogsPath = "/v1/models/" + WakingModelId + "/deployments/" + WakingDeploymentId + "/logs";

    /// <summary><c>mistral-7b-router</c>: its only deployment is neither production nor development, and UNHEALTHY.</summary>
    public const string UnhealthyModelId = "h1p7q2x";

    public const string UnhealthyDeploymentId = "r4e9t1k";

    /// <summary><c>bge-embeddings</c>: two deployments, neither production nor development (one INACTIVE, one BUILDING).</summary>
    public const string TwoDeploymentsModelId = "b3n8v5m";

    public const string InactiveDeploymentId = "f2g6h1j";

    public const string BuildingDeploymentId = "c9x3z7w";

    /// <summary>The demo training project, <c>llama-finetunes</c>.</summary>
    public const string DemoTrainingProjectId = "lqz4pw4";

    /// <summary>The demo's training job: RUNNING for hours (effectively for good).</summary>
    public const string DemoTrainingJobId = "gvpql31";

    public const string DemoTrainingJobLogsPath = "/v1/training_projects/" + DemoTrainingProjectId + "/jobs/" + DemoTrainingJobId + "/logs";

    /// <summary>A job (<c>quick-eval</c>) that goes CREATED, QUEUED, DEPLOYING, RUNNING, COMPLETED within about a minute of the server's start.</summary>
    public const string ShortTrainingJobId = "m3kd8zq";

    public const string ShortTrainingJobLogsPath = "/v1/training_projects/" + DemoTrainingProjectId + "/jobs/" + ShortTrainingJobId + "/logs";

    /// <summary>A job (<c>oom-repro</c>) that goes the same way but ends FAILED with an error message.</summary>
    public const string FailingTrainingJobId = "x8b2n5r";

    public const string FailingTrainingJobLogsPath = "/v1/training_projects/" + DemoTrainingProjectId + "/jobs/" + FailingTrainingJobId + "/logs";

    /// <summary>
    /// <c>embeddings-research</c> (team Research): jobs that ended before the server started: <c>quick-eval</c> (the same
    /// name as a job of the demo project) COMPLETED, <c>contrastive-v1</c> STOPPED, and the latest, <c>contrastive-sweep</c>,
    /// FAILED 5 minutes before the start with <see cref="SweepFailure"/>.
    /// </summary>
    public const string ResearchProjectId = "r2h7v6c";

    public const string ResearchQuickEvalJobId = "p1q2r3s";

    public const string ResearchStoppedJobId = "y4z5a6b";

    public const string ResearchSweepJobId = "u7v8w9x";

    public const string ResearchSweepJobLogsPath = "/v1/training_projects/" + ResearchProjectId + "/jobs/" + ResearchSweepJobId + "/logs";

    public const string SweepFailure = "NCCL watchdog timeout: rank 3 did not respond within 1800 s (collective ALLREDUCE, seq 48213).";

    /// <summary>A project named <c>scratch</c> (Default Team) with one job that stays QUEUED.</summary>
    public const string ScratchProjectId = "g8h9j0k";

    public const string QueuedJobId = "e5r6t7y";

    /// <summary>Another project named <c>scratch</c> (team Research), with no jobs.</summary>
    public const string EmptyScratchProjectId = "n2m3b4v";
}
