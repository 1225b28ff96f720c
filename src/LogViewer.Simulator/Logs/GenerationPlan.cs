namespace LogViewer.Simulator.Logs;

/// <summary>How one target's lines are generated: when, from whom, how often, and how late they become visible.</summary>
internal sealed record GenerationPlan(
    int Seed,
    long StartNanos,
    long EndNanos,
    IReadOnlyList<string> Replicas,
    double LinesPerSecond,
    bool Bursts,
    TimeSpan IngestionLagMin,
    TimeSpan IngestionLagMax);
