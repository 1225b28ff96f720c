namespace LogViewer.Simulator.World;

/// <summary>From <paramref name="From"/> on, the deployment is in <paramref name="Status"/> with this many active replicas.</summary>
internal sealed record DeploymentPhase(DateTimeOffset From, string Status, int ActiveReplicas);
