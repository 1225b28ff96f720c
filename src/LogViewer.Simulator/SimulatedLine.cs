namespace LogViewer.Simulator;

/// <summary>
/// A log line on the simulated server. <paramref name="Level"/> is the API's string (DEBUG, INFO, WARNING, ERROR)
/// or null; the line is queryable once the server's clock reaches <paramref name="VisibleAt"/> (ingestion lag).
/// </summary>
public sealed record SimulatedLine(
    long TimestampNanos,
    string Message,
    string? Replica,
    string? RequestId,
    string? Level,
    DateTimeOffset VisibleAt);

/// <summary>
/// A line the server holds for a target, generated or injected, with the moment it became (or becomes) visible.
/// <see cref="SimulatorServer.GroundTruth"/> lists them in the server's ascending order.
/// </summary>
public sealed record GroundTruthLine(
    long TimestampNanos,
    string Message,
    string? Replica,
    string? RequestId,
    string? Level,
    DateTimeOffset VisibleAt);
