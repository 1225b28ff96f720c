using LogViewer.Core.Model;

namespace LogViewer.Core.Decoding;

/// <summary>
/// One LogV1 entry as <see cref="LogV1Decoder"/> read it. <see cref="Message"/> is valid UTF-8 and lives only until
/// the decoder's next entry: copy it (into a store's staging, or a string) before decoding on.
/// </summary>
internal readonly ref struct DecodedEntry(long timestampNanos, ReadOnlySpan<byte> message, string? replica, string? requestId, LogLevel level)
{
    public long TimestampNanos { get; } = timestampNanos;

    public ReadOnlySpan<byte> Message { get; } = message;

    public string? Replica { get; } = replica;

    public string? RequestId { get; } = requestId;

    public LogLevel Level { get; } = level;
}
