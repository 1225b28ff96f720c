using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// One stored entry with its message left as the store's UTF-8 (no string made): for writing lines straight to an
/// output. Valid only while the snapshot it came from is (snapshots are immutable, so as long as it is referenced).
/// </summary>
public readonly ref struct Utf8LogRow(long timestampNanos, LogLevel level, string? replica, string? requestId, ReadOnlySpan<byte> message)
{
    public long TimestampNanos { get; } = timestampNanos;

    public LogLevel Level { get; } = level;

    public string? Replica { get; } = replica;

    public string? RequestId { get; } = requestId;

    public ReadOnlySpan<byte> Message { get; } = message;
}
