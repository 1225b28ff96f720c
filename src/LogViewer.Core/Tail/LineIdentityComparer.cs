using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// The same equality as <see cref="LogEntry"/>'s own (all five fields), with a hash that is far cheaper than the
/// record's, which runs Marvin over every string: the de-duplication memory hashes each ingested line once,
/// so that hash is a large share of the ingest cost.
/// </summary>
/// <remarks>
/// Nanosecond timestamps are nearly unique, so they carry the spread. Lines that share one nanosecond (a burst
/// stamped together, genuine repeats) still land in different buckets by the message's length and three of its
/// characters, so a read of thousands of distinct lines in one nanosecond does not turn the dictionary into a list;
/// only lines equal in all of those fall into one chain, and there the comparison is a vectorized ordinal compare.
/// </remarks>
internal sealed class LineIdentityComparer : IEqualityComparer<LogEntry>
{
    public static readonly LineIdentityComparer Instance = new();

    private LineIdentityComparer()
    {
    }

    public bool Equals(LogEntry? x, LogEntry? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && x.TimestampNanos == y.TimestampNanos
            && x.Level == y.Level
            && string.Equals(x.Message, y.Message, StringComparison.Ordinal)
            && string.Equals(x.Replica, y.Replica, StringComparison.Ordinal)
            && string.Equals(x.RequestId, y.RequestId, StringComparison.Ordinal));

    public int GetHashCode(LogEntry obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var message = obj.Message;
        var length = message.Length;
        var sample = length == 0 ? 0 : message[0] | (message[length / 2] << 8) | (message[length - 1] << 16);
        return HashCode.Combine(obj.TimestampNanos, length, sample);
    }
}
