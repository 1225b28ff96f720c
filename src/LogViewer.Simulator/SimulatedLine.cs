namespace LogViewer.Simulator;

/// <summary>
/// A log line on the simulated server. <see cref="Level"/> is the API's string (DEBUG, INFO, WARNING, ERROR)
/// or null; the line is queryable once the server's clock reaches <see cref="VisibleAt"/> (ingestion lag).
/// Equality is by value, the message included.
/// </summary>
public sealed class SimulatedLine : IEquatable<SimulatedLine>
{
    private DeferredText? _write;
    private string? _message;

    public SimulatedLine(long timestampNanos, string message, string? replica, string? requestId, string? level, DateTimeOffset visibleAt)
        : this(timestampNanos, replica, requestId, level, visibleAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        _message = message;
    }

    /// <summary>A generated line whose message is written the first time it is read (see <see cref="LineText"/>).</summary>
    internal SimulatedLine(long timestampNanos, LineText text, string? replica, string? requestId, string? level, DateTimeOffset visibleAt)
        : this(timestampNanos, replica, requestId, level, visibleAt)
    {
        _message = text.Fixed;
        _write = text.Deferred;
    }

    private SimulatedLine(long timestampNanos, string? replica, string? requestId, string? level, DateTimeOffset visibleAt)
    {
        TimestampNanos = timestampNanos;
        Replica = replica;
        RequestId = requestId;
        Level = level;
        VisibleAt = visibleAt;
    }

    public long TimestampNanos { get; }

    /// <summary>
    /// The text. Writing it is deterministic (it only formats values drawn at generation), so two threads reading it at
    /// once at worst both write the same string.
    /// </summary>
    public string Message
    {
        get
        {
            if (Volatile.Read(ref _message) is { } message)
            {
                return message;
            }

            // The message is published before the writer is dropped: no writer means another thread has written it.
            if (Volatile.Read(ref _write) is not { } write)
            {
                return Volatile.Read(ref _message)!;
            }

            message = write.Write();
            Volatile.Write(ref _message, message);
            Volatile.Write(ref _write, null);
            return message;
        }
    }

    public string? Replica { get; }

    public string? RequestId { get; }

    public string? Level { get; }

    public DateTimeOffset VisibleAt { get; }

    public bool Equals(SimulatedLine? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (TimestampNanos == other.TimestampNanos && VisibleAt == other.VisibleAt && Replica == other.Replica
                && RequestId == other.RequestId && Level == other.Level && Message == other.Message));

    public override bool Equals(object? obj) => Equals(obj as SimulatedLine);

    public override int GetHashCode() => HashCode.Combine(TimestampNanos, Message, Replica, RequestId, Level, VisibleAt);

    public override string ToString() =>
        $"SimulatedLine {{ TimestampNanos = {TimestampNanos}, Message = {Message}, Replica = {Replica}, RequestId = {RequestId}, Level = {Level}, VisibleAt = {VisibleAt:O} }}";
}
