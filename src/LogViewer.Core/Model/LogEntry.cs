using System.Runtime.InteropServices;
using System.Text;

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
/// <remarks>
/// An entry decoded from an API page keeps its message as the UTF-8 the page held (a slice of a buffer shared by the
/// page's messages) and makes the string only when <see cref="Message"/> is read. Ingest never reads it: the
/// de-duplication compares the bytes and the store copies them, so a tailed line costs no UTF-16 string and no
/// re-encoding (they were the largest part of parsing a page). Equality and the hash are the same whichever way an
/// entry holds its message.
/// </remarks>
public sealed record LogEntry(long TimestampNanos, string Message, string? Replica, string? RequestId, LogLevel Level)
{
    // Set only by the UTF-8 constructor; then _message is made from it on first read (a race makes two equal strings).
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly bool _hasUtf8;
    private string? _message = Message;

    // The identity hash, computed on first use (0: not yet); the de-duplication asks for it several times per line.
    private int _hash;

    /// <summary>An entry whose message stays UTF-8 until read (<paramref name="utf8Message"/> must be valid UTF-8 and never change).</summary>
    internal LogEntry(long timestampNanos, ReadOnlyMemory<byte> utf8Message, string? replica, string? requestId, LogLevel level)
        : this(timestampNanos, (string)null!, replica, requestId, level)
    {
        _utf8 = utf8Message;
        _hasUtf8 = true;
    }

    // What `with` copies: everything but the cached hash, since the fields set after the copy may change the identity.
    private LogEntry(LogEntry original)
    {
        TimestampNanos = original.TimestampNanos;
        Replica = original.Replica;
        RequestId = original.RequestId;
        Level = original.Level;
        _utf8 = original._utf8;
        _hasUtf8 = original._hasUtf8;
        _message = original._message;
    }

    /// <summary>The line's text, exactly as the API returned it (not yet sanitized for a terminal).</summary>
    public string Message
    {
        get => _message ??= _hasUtf8 ? Encoding.UTF8.GetString(_utf8.Span) : string.Empty;
        init
        {
            _message = value;
            _utf8 = default;
            _hasUtf8 = false;
        }
    }

    /// <summary>The timestamp's millisecond, the unit of the API's cursor parameters.</summary>
    public long EpochMillis => Nanos.ToEpochMillis(TimestampNanos);

    /// <summary>The message as UTF-8 when the entry was decoded from it (no string made); <c>false</c> for an entry built from a string.</summary>
    internal bool TryGetUtf8Message(out ReadOnlySpan<byte> utf8)
    {
        utf8 = _utf8.Span;
        return _hasUtf8;
    }

    public bool Equals(LogEntry? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && TimestampNanos == other.TimestampNanos
            && Level == other.Level
            && string.Equals(Replica, other.Replica, StringComparison.Ordinal)
            && string.Equals(RequestId, other.RequestId, StringComparison.Ordinal)
            && (_hash == 0 || other._hash == 0 || _hash == other._hash)
            && MessageEquals(other));

    /// <summary>
    /// The timestamp, the message's UTF-8 length and 24 of its bytes (eight each from its start, middle and end).
    /// Far cheaper than hashing every string (Marvin over the whole message measured about 100 ns a line slower, nearly
    /// doubling the de-duplication's cost), and enough: nanosecond timestamps are nearly unique, and lines that share
    /// one (a burst stamped together, genuine repeats) still spread by where counters, ids and values usually differ;
    /// only lines alike in all of those share a chain, and there the comparison is a vectorized ordinal compare.
    /// </summary>
    public override int GetHashCode()
    {
        if (_hash != 0)
        {
            return _hash;
        }

        var hash = 0;
        if (_hasUtf8)
        {
            hash = HashOf(TimestampNanos, _utf8.Span);
        }
        else
        {
            // Built from a string (tests, the simulator): hashed over its UTF-8, so both kinds of entry agree.
            var text = _message ?? string.Empty;
            var bytes = Encoding.UTF8.GetByteCount(text);
            var buffer = bytes <= 512 ? stackalloc byte[512] : new byte[bytes];
            hash = HashOf(TimestampNanos, buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }

        // 0 marks "not computed"; a hash that happens to be 0 is stored as 1.
        _hash = hash == 0 ? 1 : hash;
        return _hash;
    }

    private static int HashOf(long timestamp, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < 8)
        {
            return HashCode.Combine(timestamp, utf8.Length, Utf8Sample.Short(utf8));
        }

        var head = MemoryMarshal.Read<ulong>(utf8);
        var middle = MemoryMarshal.Read<ulong>(utf8[((utf8.Length / 2) - 4)..]);
        var tail = MemoryMarshal.Read<ulong>(utf8[^8..]);
        return HashCode.Combine(timestamp, utf8.Length, head, middle, tail);
    }

    private bool MessageEquals(LogEntry other)
    {
        if (_hasUtf8 && other._hasUtf8)
        {
            return _utf8.Span.SequenceEqual(other._utf8.Span);
        }

        return string.Equals(Message, other.Message, StringComparison.Ordinal);
    }
}
