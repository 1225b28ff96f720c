using System.Text;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>
/// The lines of one <see cref="LogSnapshot"/> that <see cref="Filter"/> keeps, in timestamp order: an immutable
/// value the UI draws from while ingestion and re-filtering go on. Row <c>i</c> is found in O(log chunks).
/// </summary>
public sealed class FilteredSnapshot
{
    private readonly int[]?[] _matches;
    private readonly int[] _matchFrom;

    // _rowStarts[k] = first row in chunk k; _rowStarts[^1] = Count.
    private readonly int[] _rowStarts;

    internal FilteredSnapshot(LogSnapshot store, LogFilter filter, IReadOnlyList<ChunkMatches> states, LogCounts counts, long version)
    {
        Store = store;
        Filter = filter;
        Counts = counts;
        Version = version;
        var chunks = store.ChunkCount;
        _matches = new int[]?[chunks];
        _matchFrom = new int[chunks];
        _rowStarts = new int[chunks + 1];
        var row = 0;
        for (var k = 0; k < chunks; k++)
        {
            var state = states[k];
            _rowStarts[k] = row;
            var begin = store.ChunkBegin(k);
            if (state.Matches is { } matches)
            {
                _matches[k] = matches;
                _matchFrom[k] = begin == 0 ? 0 : ChunkMatches.LowerBound(matches, state.MatchCount, begin);
                row += state.MatchCount - _matchFrom[k];
            }
            else
            {
                _matchFrom[k] = begin;
                row += store.ChunkEnd(k) - begin;
            }
        }

        _rowStarts[chunks] = row;
    }

    /// <summary>The whole store at the moment this view was made (its counts, rates and unfiltered rows).</summary>
    public LogSnapshot Store { get; }

    public LogFilter Filter { get; }

    /// <summary>Lines kept by the filter, per level and per replica.</summary>
    public LogCounts Counts { get; }

    /// <summary>Goes up with every snapshot the view publishes.</summary>
    public long Version { get; }

    public int Count => _rowStarts[^1];

    public LogRow this[int row] => GetRow(row);

    public LogRow GetRow(int row)
    {
        var (chunk, local) = Locate(row);
        return Store.RowOf(chunk, local);
    }

    /// <summary>The row with its message as the store's UTF-8, for writing it out without a string per line.</summary>
    public Utf8LogRow Utf8RowAt(int row)
    {
        var (chunk, local) = Locate(row);
        return Store.Utf8RowOf(chunk, local);
    }

    public long TimestampAt(int row)
    {
        var (chunk, local) = Locate(row);
        return chunk.Timestamp(local);
    }

    public LogLevel LevelAt(int row)
    {
        var (chunk, local) = Locate(row);
        return chunk.Level(local);
    }

    public string MessageAt(int row) => Encoding.UTF8.GetString(MessageUtf8At(row));

    public ReadOnlySpan<byte> MessageUtf8At(int row)
    {
        var (chunk, local) = Locate(row);
        return chunk.Message(local);
    }

    /// <summary>The row's index in <see cref="Store"/> (the unfiltered snapshot).</summary>
    public int StoreIndexOf(int row)
    {
        var k = ChunkOfRow(row);
        return Store.ChunkStart(k) + LocalOf(k, row) - Store.ChunkBegin(k);
    }

    /// <summary>The row showing the entry with this id and timestamp; -1 when the filter drops it or it is gone.</summary>
    public int IndexOf(long id, long timestampNanos)
    {
        var index = Store.IndexOf(id, timestampNanos);
        if (index < 0)
        {
            return -1;
        }

        var (k, local) = StoreLocate(index);
        var row = RowAtOrAfter(k, local);
        return row < Count && StoreIndexOf(row) == index ? row : -1;
    }

    /// <summary>The first row at or after <paramref name="timestampNanos"/>; <see cref="Count"/> when none.</summary>
    public int RowAtOrAfterTime(long timestampNanos)
    {
        var index = Store.LowerBound(timestampNanos);
        if (index >= Store.Count)
        {
            return Count;
        }

        var (k, local) = StoreLocate(index);
        return RowAtOrAfter(k, local);
    }

    /// <summary>
    /// The nearest row after <paramref name="fromRow"/> (before it when <paramref name="forward"/> is false)
    /// that <paramref name="predicate"/> also keeps; -1 when there is none. Use -1 or <see cref="Count"/> as
    /// <paramref name="fromRow"/> to search from an end. For n/N, e/E, w/W jumps.
    /// </summary>
    public int FindNext(int fromRow, LogFilter predicate, bool forward = true)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var compiled = predicate.Compile();
        var buffer = new int[LogChunk.MaxEntries];
        var row = forward ? Math.Max(fromRow + 1, 0) : Math.Min(fromRow - 1, Count - 1);
        while (row >= 0 && row < Count)
        {
            // Test the rest of this chunk's rows in one go.
            var k = ChunkOfRow(row);
            var first = forward ? row : _rowStarts[k];
            var last = forward ? _rowStarts[k + 1] - 1 : row;
            var n = last - first + 1;
            for (var i = 0; i < n; i++)
            {
                buffer[i] = LocalOf(k, first + i);
            }

            var chunk = Store.Chunk(k);
            var kept = compiled.Refine(chunk, Store, buffer, n);
            if (kept > 0)
            {
                var local = forward ? buffer[0] : buffer[kept - 1];
                return RowAtOrAfter(k, local);
            }

            row = forward ? last + 1 : first - 1;
        }

        return -1;
    }

    /// <summary>Chunk <paramref name="k"/>'s visible matches as local indexes, into <paramref name="buffer"/>.</summary>
    internal int CopyMatches(int k, int[] buffer)
    {
        var n = _rowStarts[k + 1] - _rowStarts[k];
        if (_matches[k] is { } matches)
        {
            matches.AsSpan(_matchFrom[k], n).CopyTo(buffer);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                buffer[i] = _matchFrom[k] + i;
            }
        }

        return n;
    }

    private int RowAtOrAfter(int k, int local)
    {
        if (_matches[k] is { } matches)
        {
            var count = _rowStarts[k + 1] - _rowStarts[k] + _matchFrom[k];
            return _rowStarts[k] + ChunkMatches.LowerBound(matches, count, local) - _matchFrom[k];
        }

        return _rowStarts[k] + local - _matchFrom[k];
    }

    private (int Chunk, int Local) StoreLocate(int index)
    {
        var k = Store.ChunkOf(index);
        return (k, index - Store.ChunkStart(k) + Store.ChunkBegin(k));
    }

    private (LogChunk Chunk, int Local) Locate(int row)
    {
        var k = ChunkOfRow(row);
        return (Store.Chunk(k), LocalOf(k, row));
    }

    private int LocalOf(int k, int row)
    {
        var offset = row - _rowStarts[k] + _matchFrom[k];
        return _matches[k] is { } matches ? matches[offset] : offset;
    }

    private int ChunkOfRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);

        return LogSnapshot.LastStartAtOrBefore(_rowStarts, _matches.Length, row);
    }
}
