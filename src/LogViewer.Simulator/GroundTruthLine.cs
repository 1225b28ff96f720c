namespace LogViewer.Simulator;

/// <summary>
/// A line the server holds for a target, generated or injected, with the moment it became (or becomes) visible.
/// <see cref="Hosting.SimulatorServer.GroundTruth"/> lists them in the server's ascending order.
/// </summary>
public sealed record GroundTruthLine(
    long TimestampNanos,
    string Message,
    string? Replica,
    string? RequestId,
    string? Level,
    DateTimeOffset VisibleAt);
