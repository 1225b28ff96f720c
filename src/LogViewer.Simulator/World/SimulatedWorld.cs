using System.Collections.Frozen;
using LogViewer.Simulator.Logs;

namespace LogViewer.Simulator.World;

/// <summary>
/// Everything the simulator serves: the models with their deployments and the training projects with their jobs
/// (<see cref="WorldContents"/> says which), and the logs of each, keyed by logs path.
/// </summary>
internal sealed class SimulatedWorld
{
    private const string ReplicaAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public SimulatedWorld(SimulatorOptions options, DateTimeOffset start)
    {
        Start = start;
        ReplicaCount = options.ReplicaCount;
        var contents = new WorldContents(options, start);
        Models = contents.Models();
        Projects = contents.Projects();

        var targets = new Dictionary<string, TargetLogs>(StringComparer.Ordinal);
        foreach (var deployment in Models.SelectMany(model => model.Deployments))
        {
            targets[deployment.LogsPath] = DeploymentLogs(options, deployment);
        }

        foreach (var job in Projects.SelectMany(project => project.Jobs))
        {
            targets[job.LogsPath] = TrainingLogs(options, job);
        }

        Targets = targets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DateTimeOffset Start { get; }

    public int ReplicaCount { get; }

    public IReadOnlyList<SimulatedModel> Models { get; }

    public IReadOnlyList<SimulatedProject> Projects { get; }

    public FrozenDictionary<string, TargetLogs> Targets { get; }

    public static string TrainingLogsPath(string projectId, string jobId) => $"/v1/training_projects/{projectId}/jobs/{jobId}/logs";

    public static string DeploymentLogsPath(string modelId, string deploymentId) => $"/v1/models/{modelId}/deployments/{deploymentId}/logs";

    public SimulatedModel? FindModel(string modelId) => Models.FirstOrDefault(model => model.Id == modelId);

    public SimulatedProject? FindProject(string projectId) => Projects.FirstOrDefault(project => project.Id == projectId);

    /// <summary>Replica ids for a target: stable 5-character ids drawn from the target's seed.</summary>
    public static List<string> ReplicaIds(int seed, int count)
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
    public static int SeedFor(int seed, string path)
    {
        var hash = 2166136261u;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return seed ^ (int)hash;
    }

    private static TargetLogs DeploymentLogs(SimulatorOptions options, SimulatedDeployment deployment)
    {
        var seed = SeedFor(options.Seed, deployment.LogsPath);
        var plan = new GenerationPlan(
            seed,
            EpochNanos.Of(deployment.LogsFrom),
            deployment.LogsUntil == DateTimeOffset.MaxValue ? long.MaxValue : EpochNanos.Of(deployment.LogsUntil),
            deployment.Replicas,
            options.LinesPerSecond,
            options.Bursts,
            options.IngestionLagMin,
            options.IngestionLagMax);
        return new TargetLogs(new GeneratedLineSource(plan, new DeploymentComposer()), options.Retention);
    }

    private static TargetLogs TrainingLogs(SimulatorOptions options, SimulatedJob job)
    {
        var seed = SeedFor(options.Seed, job.LogsPath);
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
}
