using System.Numerics;
using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// A block of consecutive entries in struct arrays, with their messages as UTF-8 in one shared byte buffer.
/// Only the store's writer appends, and only past the count a published snapshot recorded, so a snapshot
/// reads its prefix without locks. A chunk rebuilt for a late insert is a new object; a chunk is never
/// reordered in place.
/// </summary>
internal sealed class LogChunk
{
    public const int MaxEntries = 4096;

    private long[] _timestamps;
    private long[] _ids;
    private int[] _ends;
    private LogLevel[] _levels;
    private int[] _replicas;
    private int[] _requests;
    private long[] _entryIds;
    private int[] _entryMarks;
    private byte[] _text;
    private int _textUsed;

    public LogChunk(int entryCapacity, int textCapacity)
    {
        // Uninitialized: only written slots are ever read, and zeroing megabytes per chunk shows in ingest.
        _timestamps = GC.AllocateUninitializedArray<long>(entryCapacity);
        _ids = GC.AllocateUninitializedArray<long>(entryCapacity);
        _ends = GC.AllocateUninitializedArray<int>(entryCapacity);
        _levels = GC.AllocateUninitializedArray<LogLevel>(entryCapacity);
        _replicas = GC.AllocateUninitializedArray<int>(entryCapacity);
        _requests = GC.AllocateUninitializedArray<int>(entryCapacity);
        _entryIds = GC.AllocateUninitializedArray<long>(entryCapacity);
        _entryMarks = GC.AllocateUninitializedArray<int>(entryCapacity);
        _text = GC.AllocateUninitializedArray<byte>(textCapacity);
    }

    /// <summary>A sealed chunk over the first <paramref name="count"/> entries of <paramref name="source"/>'s arrays, shared, not copied.</summary>
    private LogChunk(LogChunk source, int count)
    {
        _timestamps = source._timestamps;
        _ids = source._ids;
        _ends = source._ends;
        _levels = source._levels;
        _replicas = source._replicas;
        _requests = source._requests;
        _entryIds = source._entryIds;
        _entryMarks = source._entryMarks;
        _text = source._text;
        _textUsed = count == 0 ? 0 : source._ends[count - 1];
        Count = count;
        IsSealed = true;
        IsFresh = source.IsFresh;
    }

    /// <summary>Entries written so far (the writer's count; readers use their snapshot's count).</summary>
    public int Count { get; private set; }

    /// <summary>No more appends: full, or built whole for a late insert.</summary>
    public bool IsSealed { get; private set; }

    /// <summary>
    /// A small chunk at the newest end, where late lines land (the store's writer alone reads and sets it): a late
    /// line rebuilds a fresh chunk of a few hundred entries instead of a full one, and the store compacts fresh
    /// chunks into full ones once they are older than the late horizon.
    /// </summary>
    public bool IsFresh { get; set; }

    public int EntryCapacity => _timestamps.Length;

    public int TextUsed => _textUsed;

    public long FirstTimestamp => _timestamps[0];

    public long LastTimestamp => _timestamps[Count - 1];

    public bool CanAppend(int messageBytes) =>
        !IsSealed && Count < _timestamps.Length && _textUsed + messageBytes <= _text.Length;

    public void Append(long id, long timestamp, ReadOnlySpan<byte> message, LogLevel level, int replica, int request)
    {
        message.CopyTo(_text.AsSpan(_textUsed));
        Commit(id, timestamp, message.Length, level, replica, request);
    }

    /// <summary>Records the entry whose message was just written at the end of the text buffer.</summary>
    private void Commit(long id, long timestamp, int messageBytes, LogLevel level, int replica, int request)
    {
        var i = Count;
        _textUsed += messageBytes;
        _timestamps[i] = timestamp;
        _ids[i] = id;
        _ends[i] = _textUsed;
        _levels[i] = level;
        _replicas[i] = replica;
        _requests[i] = request;

        // Not grouped yet: the store marks the entry right after (or regroups a late line), before publishing.
        _entryIds[i] = -1;
        _entryMarks[i] = 0;
        Count = i + 1;
    }

    /// <summary>
    /// Copies as many of <paramref name="source"/>'s entries [from, to) as fit to the end of this chunk, array by
    /// array (a late insert moves thousands of entries; one at a time would dominate ingest). Returns how many.
    /// </summary>
    public int AppendRange(LogChunk source, int from, int to)
    {
        var n = Math.Min(to - from, _timestamps.Length - Count);
        var sourceStart = source.MessageStart(from);
        while (n > 0 && source._ends[from + n - 1] - sourceStart > _text.Length - _textUsed)
        {
            n = Math.Min(n - 1, Math.Max(0, FirstAbove(source._ends, sourceStart + _text.Length - _textUsed, from, from + n, orEqual: true) - from));
        }

        if (n <= 0)
        {
            return 0;
        }

        var bytes = source._ends[from + n - 1] - sourceStart;
        source._text.AsSpan(sourceStart, bytes).CopyTo(_text.AsSpan(_textUsed));
        source._timestamps.AsSpan(from, n).CopyTo(_timestamps.AsSpan(Count));
        source._ids.AsSpan(from, n).CopyTo(_ids.AsSpan(Count));
        source._levels.AsSpan(from, n).CopyTo(_levels.AsSpan(Count));
        source._replicas.AsSpan(from, n).CopyTo(_replicas.AsSpan(Count));
        source._requests.AsSpan(from, n).CopyTo(_requests.AsSpan(Count));
        source._entryIds.AsSpan(from, n).CopyTo(_entryIds.AsSpan(Count));
        source._entryMarks.AsSpan(from, n).CopyTo(_entryMarks.AsSpan(Count));
        var shift = _textUsed - sourceStart;
        var ends = _ends.AsSpan(Count, n);
        var sourceEnds = source._ends.AsSpan(from, n);
        for (var i = 0; i < ends.Length; i++)
        {
            ends[i] = sourceEnds[i] + shift;
        }

        _textUsed += bytes;
        Count += n;
        return n;
    }

    /// <summary>
    /// Ends appends and gives back unused capacity when more than an eighth is idle. Readers holding the old
    /// arrays still see the same prefix, so swapping the references is safe without a lock.
    /// </summary>
    public void Seal()
    {
        if (IsSealed)
        {
            return;
        }

        IsSealed = true;
        if (_text.Length - _textUsed > _text.Length / 8)
        {
            _text = _text.AsSpan(0, _textUsed).ToArray();
        }

        if (_timestamps.Length - Count > _timestamps.Length / 8)
        {
            _timestamps = _timestamps.AsSpan(0, Count).ToArray();
            _ids = _ids.AsSpan(0, Count).ToArray();
            _ends = _ends.AsSpan(0, Count).ToArray();
            _levels = _levels.AsSpan(0, Count).ToArray();
            _replicas = _replicas.AsSpan(0, Count).ToArray();
            _requests = _requests.AsSpan(0, Count).ToArray();
            _entryIds = _entryIds.AsSpan(0, Count).ToArray();
            _entryMarks = _entryMarks.AsSpan(0, Count).ToArray();
        }
    }

    public long Timestamp(int index) => _timestamps[index];

    public long Id(int index) => _ids[index];

    public LogLevel Level(int index) => _levels[index];

    public int ReplicaCode(int index) => _replicas[index];

    public int RequestCode(int index) => _requests[index];

    /// <summary>The id of the first line of the entry this line belongs to (its own id when it starts one).</summary>
    public long EntryId(int index) => _entryIds[index];

    public EntryMark EntryMarkAt(int index) => new(_entryMarks[index]);

    /// <summary>The line's level, or an error when it starts a traceback: what it adds to its entry's level.</summary>
    public LogLevel EntryLevel(int index) => new EntryMark(_entryMarks[index]).Traceback ? LogLevel.Error : _levels[index];

    public void SetEntry(int index, long entryId, EntryMark mark)
    {
        _entryIds[index] = entryId;
        _entryMarks[index] = mark.Bits;
    }

    /// <summary>
    /// Records that a later line of its entry follows this one. Written in place, also in a published chunk: a
    /// reader that sees it early only looks for the entry's other lines and finds none in its snapshot.
    /// </summary>
    public void MarkContinued(int index) => _entryMarks[index] |= Store.EntryMark.ContinuedBit;

    /// <summary>
    /// A sealed chunk holding this sealed chunk's first <paramref name="count"/> entries in the same arrays: what a late
    /// insert keeps of the entries before its first late line, instead of copying them. Snapshots holding this chunk see
    /// no change (nothing writes those entries again but <see cref="MarkContinued"/>, as in any published chunk); an
    /// entry mark that must change is changed in a copy (<see cref="Copy"/>).
    /// </summary>
    public LogChunk Prefix(int count)
    {
        if (!IsSealed || count < 1 || count > Count)
        {
            throw new InvalidOperationException($"A prefix is 1 to {Count} entries of a sealed chunk, not {count}.");
        }

        return new LogChunk(this, count);
    }

    /// <summary>A sealed copy, for changing entry marks that published snapshots must not see change.</summary>
    public LogChunk Copy()
    {
        var copy = new LogChunk(Math.Max(1, Count), Math.Max(1, _textUsed)) { IsFresh = IsFresh };
        copy.AppendRange(this, 0, Count);
        copy.Seal();
        return copy;
    }

    public int MessageStart(int index) => index == 0 ? 0 : _ends[index - 1];

    public int MessageEnd(int index) => _ends[index];

    public ReadOnlySpan<byte> Message(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _text.AsSpan(start, _ends[index] - start);
    }

    /// <summary>The messages of entries <paramref name="from"/> to <paramref name="to"/> (exclusive), back to back.</summary>
    public ReadOnlySpan<byte> TextOf(int from, int to)
    {
        var start = from == 0 ? 0 : _ends[from - 1];
        var end = to == 0 ? 0 : _ends[to - 1];
        return _text.AsSpan(start, end - start);
    }

    /// <summary>First index in [from, to) with a timestamp greater than <paramref name="timestamp"/>.</summary>
    public int UpperBound(long timestamp, int from, int to) => FirstAbove(_timestamps, timestamp, from, to, orEqual: true);

    /// <summary>First index in [from, to) with a timestamp not less than <paramref name="timestamp"/>.</summary>
    public int LowerBound(long timestamp, int from, int to) => FirstAbove(_timestamps, timestamp, from, to, orEqual: false);

    /// <summary>The first index in [from, to) whose value is above <paramref name="value"/> (or equal, unless <paramref name="orEqual"/>).</summary>
    private static int FirstAbove<T>(T[] sorted, T value, int from, int to, bool orEqual)
        where T : IComparisonOperators<T, T, bool>
    {
        var lo = from;
        var hi = to;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value || (orEqual && sorted[mid] == value))
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
