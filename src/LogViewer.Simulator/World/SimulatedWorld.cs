using System.Collections.Frozen;
using LogViewer.Simulator.Logs;

namespace LogViewer.Simulator.World;

/// <summary>
/// Everything the simulator serves: one model with one ACTIVE deployment, one training project with three jobs
/// (the demo's long job, a short one that completes, one that fails), and the logs of each, keyed by logs path.
/// </summary>
internal sealed class SimulatedWorld
{
    private const string ReplicaAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public SimulatedWorld(SimulatorOptions options, DateTimeOffset start)
    {
        Start = start;
        ReplicaCount = options.ReplicaCount;
        var demoTimeline = options.DemoJobTimeline ?? new JobTimeline(
            -(options.History + TimeSpan.FromMinutes(3)),
            TimeSpan.FromSeconds(20),
            TimeSpan.FromSeconds(40),
            TimeSpan.FromMinutes(2),
            TimeSpan.FromDays(3650));
        Jobs =
        [
            new SimulatedJob(SimulatorCatalog.DemoTrainingJobId, "llama-3-8b-sft", start, demoTimeline, fails: false),
            new SimulatedJob(SimulatorCatalog.ShortTrainingJobId, "quick-eval", start, options.ShortJobTimeline, fails: false),
            new SimulatedJob(SimulatorCatalog.FailingTrainingJobId, "oom-repro", start, options.FailingJobTimeline, fails: true),
        ];

        var targets = new Dictionary<string, TargetLogs>(StringComparer.Ordinal)
        {
            [SimulatorCatalog.DemoDeploymentLogsPath] = DeploymentLogs(options, start),
        };
        foreach (var job in Jobs)
        {
            targets[TrainingLogsPath(job.Id)] = TrainingLogs(options, job);
        }

        Targets = targets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DateTimeOffset Start { get; }

    public int ReplicaCount { get; }

    public IReadOnlyList<SimulatedJob> Jobs { get; }

    public FrozenDictionary<string, TargetLogs> Targets { get; }

    public static string TrainingLogsPath(string jobId) =>
        $"/v1/training_projects/{SimulatorCatalog.DemoTrainingProjectId}/jobs/{jobId}/logs";

    public SimulatedJob? FindJob(string jobId) => Jobs.FirstOrDefault(job => job.Id == jobId);

    private static TargetLogs DeploymentLogs(SimulatorOptions options, DateTimeOffset start)
    {
        var seed = SeedFor(options.Seed, SimulatorCatalog.DemoDeploymentLogsPath);
        var plan = new GenerationPlan(
            seed,
            EpochNanos.Of(start - options.History),
            long.MaxValue,
            ReplicaIds(seed, Math.Max(1, options.ReplicaCount)),
            options.LinesPerSecond,
            options.Bursts,
            options.IngestionLagMin,
            options.IngestionLagMax);
        return new TargetLogs(new GeneratedLineSource(plan, new DeploymentComposer()), options.Retention);
    }

    private static TargetLogs TrainingLogs(SimulatorOptions options, SimulatedJob job)
    {
        var path = TrainingLogsPath(job.Id);
        var seed = SeedFor(options.Seed, path);
        var plan = new GenerationPlan(
            seed,
            EpochNanos.Of(job.DeployingAt),
            EpochNanos.Of(job.EndsAt),
            ReplicaIds(seed, 2),
            options.LinesPerSecond,
            options.Bursts,
            options.IngestionLagMin,
            options.IngestionLagMax);
        var composer = new TrainingComposer(EpochNanos.Of(job.RunningAt), job.Fails);
        return new TargetLogs(new GeneratedLineSource(plan, composer), options.Retention);
    }

    private static List<string> ReplicaIds(int seed, int count)
    {
        var random = new Random(seed ^ 0x5eed);
        var ids = new List<string>(count);
        while (ids.Count < count)
        {
            var id = string.Create(5, random, static (chars, r) =>
            {
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = ReplicaAlphabet[r.Next(ReplicaAlphabet.Length)];
                }
            });
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    // string.GetHashCode differs per process; a seed must not.
    private static int SeedFor(int seed, string path)
    {
        var hash = 2166136261u;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return seed ^ (int)hash;
    }
}
