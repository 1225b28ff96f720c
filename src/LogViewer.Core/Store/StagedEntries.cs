using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// Entries parsed straight from UTF-8 (a jsonl file, an API page) waiting to be appended in one locked step,
/// so the parser never makes a string per message. Reused: <see cref="Clear"/> after each append.
/// </summary>
internal sealed class StagedEntries
{
    private long[] _timestamps = new long[1024];
    private LogLevel[] _levels = new LogLevel[1024];
    private string?[] _replicas = new string?[1024];
    private string?[] _requests = new string?[1024];
    private int[] _ends = new int[1024];
    private byte[] _text = new byte[128 * 1024];
    private int _textUsed;

    // TimestampOrder's buffers, kept from batch to batch.
    private int[] _order = [];
    private int[] _inOrder = [];
    private readonly List<int> _outOfOrder = [];
    private Comparison<int>? _byTimestampThenIndex;

    public int Count { get; private set; }

    public int TextBytes => _textUsed;

    /// <summary>Room for a message of <paramref name="byteCount"/> bytes; write it there, then call <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int byteCount)
    {
        if (_textUsed + byteCount > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + byteCount));
        }

        return _text.AsSpan(_textUsed, byteCount);
    }

    public void Commit(long timestamp, int messageBytes, LogLevel level, string? replica, string? requestId)
    {
        if (Count == _timestamps.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _timestamps, size);
            Array.Resize(ref _levels, size);
            Array.Resize(ref _replicas, size);
            Array.Resize(ref _requests, size);
            Array.Resize(ref _ends, size);
        }

        _textUsed += messageBytes;
        _timestamps[Count] = timestamp;
        _levels[Count] = level;
        _replicas[Count] = replica;
        _requests[Count] = requestId;
        _ends[Count] = _textUsed;
        Count++;
    }

    public void Add(long timestamp, ReadOnlySpan<byte> message, LogLevel level, string? replica, string? requestId)
    {
        message.CopyTo(Reserve(message.Length));
        Commit(timestamp, message.Length, level, replica, requestId);
    }

    public void Clear()
    {
        Count = 0;
        _textUsed = 0;
        Array.Clear(_replicas, 0, _replicas.Length);
        Array.Clear(_requests, 0, _requests.Length);
    }

    /// <summary>
    /// The staged indexes in timestamp order, ties in staging order. A file replayed with some lines out of order
    /// is then appended in order within the batch, and only lines older than earlier batches need an insert.
    /// Cheap for the usual case: the in-order run is kept as is and only the few lines out of order are sorted.
    /// Valid until the next call (the buffers are reused from batch to batch, as the staging itself is).
    /// </summary>
    public ReadOnlySpan<int> TimestampOrder()
    {
        if (_order.Length < Count)
        {
            _order = new int[_timestamps.Length];
            _inOrder = new int[_timestamps.Length];
        }

        var inOrder = 0;
        _outOfOrder.Clear();
        var newest = long.MinValue;
        for (var i = 0; i < Count; i++)
        {
            if (_timestamps[i] >= newest)
            {
                newest = _timestamps[i];
                _inOrder[inOrder++] = i;
            }
            else
            {
                _outOfOrder.Add(i);
            }
        }

        var order = _order.AsSpan(0, Count);
        if (_outOfOrder.Count == 0)
        {
            _inOrder.AsSpan(0, Count).CopyTo(order);
            return order;
        }

        _outOfOrder.Sort(_byTimestampThenIndex ??= (a, b) => _timestamps[a] != _timestamps[b] ? _timestamps[a].CompareTo(_timestamps[b]) : a.CompareTo(b));
        var x = 0;
        var y = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var takeRun = y == _outOfOrder.Count || (x < inOrder &&
                (_timestamps[_inOrder[x]] < _timestamps[_outOfOrder[y]] ||
                 (_timestamps[_inOrder[x]] == _timestamps[_outOfOrder[y]] && _inOrder[x] < _outOfOrder[y])));
            order[k] = takeRun ? _inOrder[x++] : _outOfOrder[y++];
        }

        return order;
    }

    public long Timestamp(int index) => _timestamps[index];

    public LogLevel Level(int index) => _levels[index];

    public string? Replica(int index) => _replicas[index];

    public string? RequestId(int index) => _requests[index];

    public ReadOnlySpan<byte> Message(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _text.AsSpan(start, _ends[index] - start);
    }
}
