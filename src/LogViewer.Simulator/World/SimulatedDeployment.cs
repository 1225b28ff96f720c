namespace LogViewer.Simulator.World;

/// <summary>
/// A deployment of a model: its flags, and its status and active replica count over time (phases from the server's
/// start; the last phase whose start has passed applies). Its logs exist from <see cref="LogsFrom"/> to
/// <see cref="LogsUntil"/> (a scaled-to-zero deployment's stop when it scaled down).
/// </summary>
internal sealed record SimulatedDeployment(
    string Id,
    string ModelId,
    string Name,
    DateTimeOffset CreatedAt,
    bool IsProduction,
    bool IsDevelopment,
    string? Environment,
    IReadOnlyList<DeploymentPhase> Phases,
    IReadOnlyList<string> Replicas,
    DateTimeOffset LogsFrom,
    DateTimeOffset LogsUntil)
{
    public string LogsPath => SimulatedWorld.DeploymentLogsPath(ModelId, Id);

    public DeploymentPhase PhaseAt(DateTimeOffset now) => Phases.LastOrDefault(phase => phase.From <= now) ?? Phases[0];
}
