namespace LogViewer.Simulator.World;

/// <summary>
/// Which models, deployments, training projects and jobs the simulator holds (ids in <see cref="SimulatorCatalog"/>):
/// deployments in the states a viewer must explain (active, scaled to zero, waking up, unhealthy, build failed,
/// inactive, building), jobs running, completing, failing and stopped, and names that collide across projects.
/// Times count from the server's start.
/// </summary>
internal sealed class WorldContents(SimulatorOptions options, DateTimeOffset start)
{
    private const string DefaultTeam = "Default Team";
    private const string ResearchTeam = "Research";
    private static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    public IReadOnlyList<SimulatedModel> Models() =>
    [
        new(SimulatorCatalog.DemoModelId, "llama-3-8b-instruct", DefaultTeam, At(-TimeSpan.FromDays(12)), "H100:1x24x80",
        [
            Deployment(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "deployment-7", -TimeSpan.FromDays(3), production: true, development: false, "production",
                [new(Forever, "ACTIVE", 0)], Math.Max(1, options.ReplicaCount), logsFrom: -options.History, logsUntil: null, replicasFollowCount: true),
            Deployment(SimulatorCatalog.DemoModelId, SimulatorCatalog.BuildFailedDeploymentId, "deployment-8", -TimeSpan.FromDays(1), production: false, development: true, null,
                [new(Forever, "BUILD_FAILED", 0)], 1, logsFrom: -TimeSpan.FromDays(1), logsUntil: -TimeSpan.FromDays(1) + TimeSpan.FromMinutes(6)),
        ]),
        new(SimulatorCatalog.ScaledToZeroModelId, "whisper-large-v3", DefaultTeam, At(-TimeSpan.FromDays(40)), "A10G:1x4x16",
        [
            Deployment(SimulatorCatalog.ScaledToZeroModelId, SimulatorCatalog.ScaledToZeroDeploymentId, "deployment-3", -TimeSpan.FromDays(9), production: true, development: false, "production",
                [new(Forever, "SCALED_TO_ZERO", 0)], 2, logsFrom: -options.History - TimeSpan.FromMinutes(45), logsUntil: -TimeSpan.FromMinutes(45)),
        ]),
        new(SimulatorCatalog.WakingModelId, "sdxl-turbo", ResearchTeam, At(-TimeSpan.FromDays(2)), "A100:1x12x144",
        [
            Deployment(SimulatorCatalog.WakingModelId, SimulatorCatalog.WakingDeploymentId, "deployment-1", -TimeSpan.FromDays(2), production: false, development: true, null,
                [new(Forever, "WAKING_UP", 0), new(At(options.WakeUpAfter), "ACTIVE", 1)], 1, logsFrom: options.WakeUpAfter - TimeSpan.FromSeconds(5), logsUntil: null),
        ]),
        new(SimulatorCatalog.UnhealthyModelId, "mistral-7b-router", DefaultTeam, At(-TimeSpan.FromDays(20)), "L4:1x4x16",
        [
            Deployment(SimulatorCatalog.UnhealthyModelId, SimulatorCatalog.UnhealthyDeploymentId, "deployment-2", -TimeSpan.FromDays(5), production: false, development: false, "staging",
                [new(Forever, "UNHEALTHY", 1)], 1, logsFrom: -options.History, logsUntil: null),
        ]),
        new(SimulatorCatalog.TwoDeploymentsModelId, "bge-embeddings", ResearchTeam, At(-TimeSpan.FromDays(30)), "T4:1x4x16",
        [
            Deployment(SimulatorCatalog.TwoDeploymentsModelId, SimulatorCatalog.InactiveDeploymentId, "deployment-1", -TimeSpan.FromDays(30), production: false, development: false, null,
                [new(Forever, "INACTIVE", 0)], 1, logsFrom: -TimeSpan.FromDays(30), logsUntil: -TimeSpan.FromDays(29)),
            Deployment(SimulatorCatalog.TwoDeploymentsModelId, SimulatorCatalog.BuildingDeploymentId, "deployment-2", -TimeSpan.FromMinutes(10), production: false, development: false, null,
                [new(Forever, "BUILDING", 0)], 1, logsFrom: TimeSpan.Zero, logsUntil: TimeSpan.Zero),
        ]),
    ];

    public IReadOnlyList<SimulatedProject> Projects()
    {
        var demoTimeline = options.DemoJobTimeline ?? new JobTimeline(
            -(options.History + TimeSpan.FromMinutes(3)),
            TimeSpan.FromSeconds(20),
            TimeSpan.FromSeconds(40),
            TimeSpan.FromMinutes(2),
            TimeSpan.FromDays(3650));
        const string demo = SimulatorCatalog.DemoTrainingProjectId;
        const string research = SimulatorCatalog.ResearchProjectId;
        return
        [
            new(demo, "llama-finetunes", DefaultTeam, At(-TimeSpan.FromDays(30)),
            [
                new SimulatedJob(demo, SimulatorCatalog.DemoTrainingJobId, "llama-3-8b-sft", start, demoTimeline, JobOutcome.Completed),
                new SimulatedJob(demo, SimulatorCatalog.ShortTrainingJobId, "quick-eval", start, options.ShortJobTimeline, JobOutcome.Completed),
                new SimulatedJob(demo, SimulatorCatalog.FailingTrainingJobId, "oom-repro", start, options.FailingJobTimeline, JobOutcome.Failed),
            ]),
            new(research, "embeddings-research", ResearchTeam, At(-TimeSpan.FromDays(10)),
            [
                new SimulatedJob(research, SimulatorCatalog.ResearchQuickEvalJobId, "quick-eval", start, Ended(-TimeSpan.FromHours(5), TimeSpan.FromMinutes(40)), JobOutcome.Completed),
                new SimulatedJob(research, SimulatorCatalog.ResearchStoppedJobId, "contrastive-v1", start, Ended(-TimeSpan.FromHours(3), TimeSpan.FromHours(1)), JobOutcome.Stopped),
                new SimulatedJob(research, SimulatorCatalog.ResearchSweepJobId, "contrastive-sweep", start, Ended(-TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(39)), JobOutcome.Failed, SimulatorCatalog.SweepFailure),
            ]),
            new(SimulatorCatalog.ScratchProjectId, "scratch", DefaultTeam, At(-TimeSpan.FromDays(2)),
            [
                new SimulatedJob(SimulatorCatalog.ScratchProjectId, SimulatorCatalog.QueuedJobId, "scratch-1", start,
                    new JobTimeline(-TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromDays(3650), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), JobOutcome.Completed),
            ]),
            new(SimulatorCatalog.EmptyScratchProjectId, "scratch", ResearchTeam, At(-TimeSpan.FromDays(1)), []),
        ];
    }

    // A job created at createdAfterStart that spent a minute created, two queued, three deploying, then ran this long.
    private static JobTimeline Ended(TimeSpan createdAfterStart, TimeSpan running) =>
        new(createdAfterStart, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), running);

    private DateTimeOffset At(TimeSpan afterStart) => start + afterStart;

    // Phases are given with Forever standing for "from the creation on".
    private SimulatedDeployment Deployment(
        string modelId, string id, string name, TimeSpan createdAfterStart, bool production, bool development, string? environment,
        DeploymentPhase[] phases, int replicas, TimeSpan logsFrom, TimeSpan? logsUntil, bool replicasFollowCount = false)
    {
        var created = At(createdAfterStart);
        var logsPath = SimulatedWorld.DeploymentLogsPath(modelId, id);
        var replicaIds = SimulatedWorld.ReplicaIds(SimulatedWorld.SeedFor(options.Seed, logsPath), replicas);
        var resolved = phases
            .Select(phase => phase.From == Forever
                ? phase with { From = created, ActiveReplicas = replicasFollowCount ? replicas : phase.ActiveReplicas }
                : phase)
            .ToList();
        return new SimulatedDeployment(id, modelId, name, created, production, development, environment, resolved, replicaIds,
            At(logsFrom), logsUntil is { } until ? At(until) : DateTimeOffset.MaxValue);
    }
}
