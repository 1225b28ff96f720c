namespace LogViewer.Simulator.World;

/// <summary>A model and its deployments, oldest first.</summary>
internal sealed record SimulatedModel(string Id, string Name, string TeamName, DateTimeOffset CreatedAt, string InstanceTypeName, IReadOnlyList<SimulatedDeployment> Deployments)
{
    public SimulatedDeployment? Production => Deployments.FirstOrDefault(d => d.IsProduction);

    public SimulatedDeployment? Development => Deployments.FirstOrDefault(d => d.IsDevelopment);

    public SimulatedDeployment? FindDeployment(string deploymentId) => Deployments.FirstOrDefault(d => d.Id == deploymentId);
}
