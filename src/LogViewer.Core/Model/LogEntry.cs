namespace LogViewer.Core.Model;

/// <summary>
/// One log line as the API returns it (LogV1), with its timestamp already parsed to epoch nanoseconds.
/// Value equality over all five fields is the line's identity: two entries that are equal are the same
/// line, unless the API returned it more than once in one answer, in which case it is a genuine repeat.
/// </summary>
/// <param name="TimestampNanos">Epoch nanoseconds (the API's <c>timestamp</c> string, parsed).</param>
/// <param name="Message">The line's text, exactly as the API returned it (not yet sanitized for a terminal).</param>
/// <param name="Replica">The replica's short id, or <c>null</c>.</param>
/// <param name="RequestId">The inference request id, or <c>null</c>.</param>
/// <param name="Level">The severity, <see cref="LogLevel.None"/> when the API gave none.</param>
public sealed record LogEntry(long TimestampNanos, string Message, string? Replica, string? RequestId, LogLevel Level)
{
    /// <summary>The timestamp's millisecond, the unit of the API's cursor parameters.</summary>
    public long EpochMillis => Nanos.ToEpochMillis(TimestampNanos);
}
