using System.Text;
using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// An immutable view of a <see cref="LogStore"/> at one moment: <see cref="Count"/> entries in timestamp order,
/// row <c>i</c> read in O(log chunks). It stays valid and unchanged while the store goes on appending,
/// inserting late lines and evicting old ones; take <see cref="LogStore.Current"/> again to see those.
/// </summary>
public sealed class LogSnapshot
{
    private readonly LogChunk[] _chunks;

    // _starts[k] = index of chunk k's first visible entry; _starts[^1] = Count.
    private readonly int[] _starts;
    private readonly int _frontSkip;
    private readonly string?[] _replicaNames;
    private readonly string?[] _requestNames;

    internal LogSnapshot(
        LogChunk[] chunks, int[] starts, int frontSkip, string?[] replicaNames, string?[] requestNames,
        long version, long layoutVersion, long evictedCount, LogCounts counts, LogRates rates)
    {
        _chunks = chunks;
        _starts = starts;
        _frontSkip = frontSkip;
        _replicaNames = replicaNames;
        _requestNames = requestNames;
        Version = version;
        LayoutVersion = layoutVersion;
        EvictedCount = evictedCount;
        Counts = counts;
        Rates = rates;
    }

    internal static LogSnapshot Empty { get; } =
        new([], [0], 0, [null], [null], 0, 0, 0, LogCounts.Empty, LogRates.Empty);

    public int Count => _starts[^1];

    /// <summary>Goes up with every change the store publishes.</summary>
    public long Version { get; }

    /// <summary>
    /// Goes up only when entries already visible moved: a late line inserted before them, or old lines evicted.
    /// Equal layout versions mean a newer snapshot only appended, so row indexes of this one still hold.
    /// </summary>
    public long LayoutVersion { get; }

    /// <summary>Entries dropped at the front because the store was at capacity, since it was created.</summary>
    public long EvictedCount { get; }

    /// <summary>
    /// Set when older history loaded on demand shed the newest lines (<see cref="LogStore.AddOlder"/>): no line at or
    /// after it is held (a millisecond's start, in epoch nanoseconds). <c>null</c>: the store holds the live end.
    /// </summary>
    public long? CutNanos { get; init; }

    /// <summary>Entries shed at the newest end to make room for older history, or not taken because they were after the cut.</summary>
    public long ShedCount { get; init; }

    /// <summary>Lines in the store per level and per replica.</summary>
    public LogCounts Counts { get; }

    /// <summary>Lines per second by level over the last minute of log time.</summary>
    public LogRates Rates { get; }

    internal int ChunkCount => _chunks.Length;

    internal string?[] ReplicaNames => _replicaNames;

    internal string?[] RequestNames => _requestNames;

    internal LogChunk Chunk(int k) => _chunks[k];

    /// <summary>The index of <paramref name="chunk"/> in this snapshot; -1 when it is not in it.</summary>
    internal int IndexOfChunk(LogChunk chunk) => Array.IndexOf(_chunks, chunk);

    internal int ChunkBegin(int k) => k == 0 ? _frontSkip : 0;

    internal int ChunkEnd(int k) => ChunkBegin(k) + _starts[k + 1] - _starts[k];

    internal int ChunkStart(int k) => _starts[k];

    public LogRow this[int index] => GetRow(index);

    public LogRow GetRow(int index)
    {
        var (chunk, local) = Locate(index);
        return RowOf(chunk, local);
    }

    public long TimestampAt(int index)
    {
        var (chunk, local) = Locate(index);
        return chunk.Timestamp(local);
    }

    public LogLevel LevelAt(int index)
    {
        var (chunk, local) = Locate(index);
        return chunk.Level(local);
    }

    public string MessageAt(int index) => Encoding.UTF8.GetString(MessageUtf8At(index));

    /// <summary>The message's UTF-8 bytes, without decoding (for writing straight to an output stream).</summary>
    public ReadOnlySpan<byte> MessageUtf8At(int index)
    {
        var (chunk, local) = Locate(index);
        return chunk.Message(local);
    }

    /// <summary>The first index whose timestamp is at or after <paramref name="timestampNanos"/>; <see cref="Count"/> if none.</summary>
    public int LowerBound(long timestampNanos)
    {
        var k = FirstChunkEndingAtOrAfter(timestampNanos);
        if (k == _chunks.Length)
        {
            return Count;
        }

        var local = _chunks[k].LowerBound(timestampNanos, ChunkBegin(k), ChunkEnd(k));
        return _starts[k] + local - ChunkBegin(k);
    }

    /// <summary>The index of the entry with this <see cref="LogRow.Id"/> and timestamp; -1 when it is not in this snapshot.</summary>
    public int IndexOf(long id, long timestampNanos)
    {
        for (var index = LowerBound(timestampNanos); index < Count; index++)
        {
            var (chunk, local) = Locate(index);
            if (chunk.Timestamp(local) != timestampNanos)
            {
                break;
            }

            if (chunk.Id(local) == id)
            {
                return index;
            }
        }

        return -1;
    }

    internal Utf8LogRow Utf8RowOf(LogChunk chunk, int local) => new(
        chunk.Timestamp(local),
        chunk.Level(local),
        _replicaNames[chunk.ReplicaCode(local)],
        _requestNames[chunk.RequestCode(local)],
        chunk.Message(local));

    internal LogRow RowOf(LogChunk chunk, int local) => new(
        chunk.Id(local),
        chunk.Timestamp(local),
        chunk.Level(local),
        _replicaNames[chunk.ReplicaCode(local)],
        _requestNames[chunk.RequestCode(local)],
        Encoding.UTF8.GetString(chunk.Message(local)));

    internal (LogChunk Chunk, int Local) Locate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var k = ChunkOf(index);
        return (_chunks[k], index - _starts[k] + ChunkBegin(k));
    }

    internal int ChunkOf(int index) => LastStartAtOrBefore(_starts, _chunks.Length, index);

    /// <summary>
    /// The last k in [0, chunks) with <paramref name="starts"/>[k] &lt;= <paramref name="index"/>. With starts as
    /// running totals of chunk sizes, that chunk holds the index (empty chunks before it are passed over).
    /// </summary>
    internal static int LastStartAtOrBefore(int[] starts, int chunks, int index)
    {
        var lo = 0;
        var hi = chunks - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private int FirstChunkEndingAtOrAfter(long timestampNanos)
    {
        var lo = 0;
        var hi = _chunks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_chunks[mid].Timestamp(ChunkEnd(mid) - 1) < timestampNanos)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
