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
