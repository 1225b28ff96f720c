using LogViewer.Core.Decoding;
using LogViewer.Core.Grouping;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Replay;

/// <summary>
/// Every decoded line of a replay in the order read (inputs one after the other), in columns: timestamp, level,
/// interned replica and request id, and the message's UTF-8 in large blocks, about 29 bytes a line besides the text.
/// Given the filter, each line's <see cref="EntryRule"/> kind and text hits are worked out as it is added (on the
/// thread decoding its block), so judging entries later reads neither message again.
/// Nothing is sorted on the way in; <see cref="TimestampOrder"/> sorts only the lines that came out of order.
/// </summary>
internal sealed class ReplayLines(ReplayFilter? filter = null, int capacity = 4096) : IDecodedLineSink
{
    // Text is kept in blocks of this size; a block of the file read apart leaves at most one partly filled.
    private const int BlockBytes = 1 << 20;

    private readonly InternTable _replicas = new();
    private readonly InternTable _requests = new();
    private readonly List<byte[]> _blocks = [];
    private readonly ReplayFilter? _filter = filter;
    private long[] _timestamps = new long[capacity];
    private LogLevel[] _levels = new LogLevel[capacity];
    private int[] _replicaCodes = new int[capacity];
    private int[] _requestCodes = new int[capacity];
    private int[] _blockOf = new int[capacity];
    private int[] _starts = new int[capacity];
    private int[] _lengths = new int[capacity];
    private LineKind[] _kinds = filter is null ? [] : new LineKind[capacity];
    private ulong[] _hits = filter is { ReadsText: true } ? new ulong[capacity] : [];
    private byte[] _block = [];
    private int _blockUsed;
    private long _newest = long.MinValue;
    private int _outOfOrder;

    public int Count { get; private set; }

    /// <summary>How many replica codes exist (code 0 is no replica).</summary>
    public int ReplicaCount => _replicas.Count;

    public void Add(in DecodedEntry entry)
    {
        if (Count == _timestamps.Length)
        {
            Grow();
        }

        var message = entry.Message;
        if (_blocks.Count == 0 || _blockUsed + message.Length > _block.Length)
        {
            _block = new byte[Math.Max(BlockBytes, message.Length)];
            _blocks.Add(_block);
            _blockUsed = 0;
        }

        message.CopyTo(_block.AsSpan(_blockUsed));
        var i = Count++;
        var timestamp = entry.TimestampNanos;
        if (timestamp >= _newest)
        {
            _newest = timestamp;
        }
        else
        {
            _outOfOrder++;
        }

        _timestamps[i] = timestamp;
        _levels[i] = entry.Level;
        _replicaCodes[i] = _replicas.Intern(entry.Replica);
        _requestCodes[i] = _requests.Intern(entry.RequestId);
        _blockOf[i] = _blocks.Count - 1;
        _starts[i] = _blockUsed;
        _lengths[i] = message.Length;
        _blockUsed += message.Length;
        if (_filter is not null)
        {
            _kinds[i] = EntryRule.Classify(message);
            if (_hits.Length > 0)
            {
                _hits[i] = _filter.Hits(message);
            }
        }
    }

    public void Flush()
    {
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s lines after these, as if they had been read here (its text is taken over, not
    /// copied); both were made with the same filter, or neither with one.
    /// </summary>
    public void Append(ReplayLines other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var at = Count;
        while (_timestamps.Length < at + other.Count)
        {
            Grow();
        }

        // The columns that need no recoding are copied whole: this runs on one core after the blocks' decoding.
        other._timestamps.AsSpan(0, other.Count).CopyTo(_timestamps.AsSpan(at));
        other._levels.AsSpan(0, other.Count).CopyTo(_levels.AsSpan(at));
        other._starts.AsSpan(0, other.Count).CopyTo(_starts.AsSpan(at));
        other._lengths.AsSpan(0, other.Count).CopyTo(_lengths.AsSpan(at));
        if (_kinds.Length > 0)
        {
            other._kinds.AsSpan(0, other.Count).CopyTo(_kinds.AsSpan(at));
        }

        if (_hits.Length > 0)
        {
            other._hits.AsSpan(0, other.Count).CopyTo(_hits.AsSpan(at));
        }

        var replicaCodes = Recode(other._replicas, _replicas);
        var requestCodes = Recode(other._requests, _requests);
        var blockBase = _blocks.Count;
        _blocks.AddRange(other._blocks);
        if (other._blocks.Count > 0)
        {
            _block = other._block;
            _blockUsed = other._blockUsed;
        }

        for (var j = 0; j < other.Count; j++)
        {
            var i = at + j;
            var timestamp = other._timestamps[j];
            if (timestamp >= _newest)
            {
                _newest = timestamp;
            }
            else
            {
                _outOfOrder++;
            }

            _replicaCodes[i] = replicaCodes[other._replicaCodes[j]];
            _requestCodes[i] = requestCodes[other._requestCodes[j]];
            _blockOf[i] = blockBase + other._blockOf[j];
        }

        Count = at + other.Count;
    }

    public long Timestamp(int line) => _timestamps[line];

    public LogLevel Level(int line) => _levels[line];

    public int ReplicaCode(int line) => _replicaCodes[line];

    public string? Replica(int line) => _replicas.Names[_replicaCodes[line]];

    public string? RequestId(int line) => _requests.Names[_requestCodes[line]];

    public ReadOnlySpan<byte> Message(int line) => _blocks[_blockOf[line]].AsSpan(_starts[line], _lengths[line]);

    /// <summary>The line's kind for grouping (only with a filter).</summary>
    public LineKind Kind(int line) => _kinds[line];

    /// <summary>The filter's text terms the line's message holds, a bit each (only with a filter that reads text).</summary>
    public ulong Hits(int line) => _hits[line];

    /// <summary>
    /// The lines in timestamp order, ties in the order read: what a store holding them all shows. The lines that keep
    /// up with the newest so far are in order already; only the others are sorted, then merged in.
    /// </summary>
    public int[] TimestampOrder()
    {
        var order = new int[Count];
        if (_outOfOrder == 0)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            return order;
        }

        var inOrder = new int[Count - _outOfOrder];
        var late = new (long Timestamp, int Line)[_outOfOrder];
        var newest = long.MinValue;
        int x = 0, y = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_timestamps[i] >= newest)
            {
                newest = _timestamps[i];
                inOrder[x++] = i;
            }
            else
            {
                late[y++] = (_timestamps[i], i);
            }
        }

        // Distinct keys (the line number breaks ties), so an unstable sort gives the stable order.
        Array.Sort(late);
        x = 0;
        y = 0;
        for (var k = 0; k < order.Length; k++)
        {
            // A late line ties after an in-order line of its timestamp: that one was read first.
            var takeInOrder = y == late.Length || (x < inOrder.Length && _timestamps[inOrder[x]] <= late[y].Timestamp);
            order[k] = takeInOrder ? inOrder[x++] : late[y++].Line;
        }

        return order;
    }

    /// <summary>For each code of <paramref name="from"/>, the code of the same name in <paramref name="to"/>.</summary>
    private static int[] Recode(InternTable from, InternTable to)
    {
        var codes = new int[from.Count];
        for (var code = 0; code < codes.Length; code++)
        {
            codes[code] = to.Intern(from.Names[code]);
        }

        return codes;
    }

    private void Grow()
    {
        var size = Math.Max(_timestamps.Length * 2, 4096);
        Array.Resize(ref _timestamps, size);
        Array.Resize(ref _levels, size);
        Array.Resize(ref _replicaCodes, size);
        Array.Resize(ref _requestCodes, size);
        Array.Resize(ref _blockOf, size);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _lengths, size);
        if (_kinds.Length > 0)
        {
            Array.Resize(ref _kinds, size);
        }

        if (_hits.Length > 0)
        {
            Array.Resize(ref _hits, size);
        }
    }
}
