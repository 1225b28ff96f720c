namespace LogViewer.Simulator.World;

/// <summary>A training project and its jobs, oldest first (the order the listing answers in).</summary>
internal sealed record SimulatedProject(string Id, string Name, string TeamName, DateTimeOffset CreatedAt, IReadOnlyList<SimulatedJob> Jobs)
{
    /// <summary>The job created last; on equal creation times the one listed last.</summary>
    public SimulatedJob? LatestJob => Jobs.Count == 0 ? null : Jobs.Aggregate((latest, job) => job.CreatedAt >= latest.CreatedAt ? job : latest);

    public SimulatedJob? FindJob(string jobId) => Jobs.FirstOrDefault(job => job.Id == jobId);

    public DateTimeOffset UpdatedAt(DateTimeOffset now) => Jobs.Count == 0 ? CreatedAt : Jobs.Max(job => job.UpdatedAt(now));
}
