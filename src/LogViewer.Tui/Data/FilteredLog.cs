using System.Collections.Immutable;
using LogViewer.Core.Model;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Data;

/// <summary>
/// The entries the viewer holds, in timestamp order and bounded by a capacity, with the rows the current
/// <see cref="RowFilter"/> selects kept up to date as batches arrive (cost proportional to the batch).
/// Ingestion and re-filtering run off the UI thread; the UI thread reads rows through <see cref="IRowSource"/>.
/// One lock guards everything: the UI reads a screenful of rows per frame, so contention is short.
/// </summary>
internal sealed class FilteredLog : IRowSource
{
    private const int CancellationCheckInterval = 4096;

    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly List<LogEntry> _all = [];
    private readonly Dictionary<string, ReplicaCounter> _replicas = new(StringComparer.Ordinal);
    private readonly List<string> _replicaOrder = [];
    private List<LogEntry> _shown = [];
    private RowFilter _filter = RowFilter.All;
    private long _totalIngested;
    private long _evicted;
    private long _ingestSecond;

    public FilteredLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _shown.Count;
            }
        }
    }

    /// <summary>Entries held (all, before filtering).</summary>
    public int TotalHeld
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    public long TotalIngested => Interlocked.Read(ref _totalIngested);

    public long Evicted => Interlocked.Read(ref _evicted);

    public RowFilter Filter
    {
        get
        {
            lock (_gate)
            {
                return _filter;
            }
        }
    }

    /// <summary>Adds a batch in timestamp order (late entries are inserted in place) and evicts past the capacity.</summary>
    /// <param name="entries">Entries, sorted by timestamp (a <c>TailBatch</c>).</param>
    /// <param name="unixSecond">Arrival time, for the replica rates.</param>
    public void Add(IReadOnlyList<LogEntry> entries, long unixSecond)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_gate)
        {
            _ingestSecond = Math.Max(_ingestSecond, unixSecond);
            foreach (var entry in entries)
            {
                InsertInOrder(_all, entry);
                if (_filter.Matches(entry))
                {
                    InsertInOrder(_shown, entry);
                }

                CounterFor(entry.Replica).Add(1, unixSecond);
            }

            Interlocked.Add(ref _totalIngested, entries.Count);
            EvictOverflow();
        }
    }

    /// <summary>
    /// Replaces the filter and recomputes the shown rows. Returns false, leaving everything as it was, when
    /// <paramref name="cancellationToken"/> is cancelled first (a newer filter superseded this one).
    /// </summary>
    public bool ApplyFilter(RowFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            var shown = new List<LogEntry>();
            for (var i = 0; i < _all.Count; i++)
            {
                if (i % CancellationCheckInterval == 0 && cancellationToken.IsCancellationRequested)
                {
                    return false;
                }

                if (filter.Matches(_all[i]))
                {
                    shown.Add(_all[i]);
                }
            }

            _shown = shown;
            _filter = filter;
            return true;
        }
    }

    public LogEntry? At(int row)
    {
        lock (_gate)
        {
            return row >= 0 && row < _shown.Count ? _shown[row] : null;
        }
    }

    /// <summary>Copies the entries of rows <paramref name="start"/>.. into <paramref name="destination"/>; returns how many.</summary>
    public int CopyRows(int start, Span<LogEntry?> destination)
    {
        lock (_gate)
        {
            var n = 0;
            for (var row = start; n < destination.Length && row < _shown.Count; row++, n++)
            {
                destination[n] = row >= 0 ? _shown[row] : null;
            }

            return n;
        }
    }

    public int Locate(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var row = LowerBound(_shown, entry.TimestampNanos);
            for (var i = row; i < _shown.Count && _shown[i].TimestampNanos == entry.TimestampNanos; i++)
            {
                if (_shown[i].Equals(entry))
                {
                    return i;
                }
            }

            return row;
        }
    }

    public int Find(int start, int step, Func<LogEntry, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            for (var row = start; row >= 0 && row < _shown.Count; row += step)
            {
                if (predicate(_shown[row]))
                {
                    return row;
                }
            }

            return -1;
        }
    }

    /// <summary>The counters the status bar and sidebar show; replicas in sidebar order (first seen first).</summary>
    public LogFigures Figures(long unixSecond)
    {
        lock (_gate)
        {
            var replicas = ImmutableArray.CreateBuilder<ReplicaFigures>(_replicaOrder.Count);
            var rate = 0.0;
            foreach (var counter in _replicas.Values)
            {
                rate += counter.RatePerSecond(unixSecond);
            }

            foreach (var replica in _replicaOrder)
            {
                var counter = _replicas[replica];
                replicas.Add(new ReplicaFigures(replica, counter.Count, counter.RatePerSecond(unixSecond)));
            }

            return new LogFigures(_totalIngested, _evicted, _all.Count, _shown.Count, rate, replicas.MoveToImmutable());
        }
    }

    private ReplicaCounter CounterFor(string? replica)
    {
        var key = replica ?? string.Empty;
        if (!_replicas.TryGetValue(key, out var counter))
        {
            counter = new ReplicaCounter();
            _replicas.Add(key, counter);
            if (replica is not null)
            {
                _replicaOrder.Add(replica);
            }
        }

        return counter;
    }

    private void EvictOverflow()
    {
        var overflow = _all.Count - _capacity;
        if (overflow <= 0)
        {
            return;
        }

        // The oldest entries go; those the filter selected are exactly the oldest shown rows.
        var shownEvicted = 0;
        for (var i = 0; i < overflow; i++)
        {
            var entry = _all[i];
            if (_filter.Matches(entry))
            {
                shownEvicted++;
            }

            _replicas[entry.Replica ?? string.Empty].Remove(1);
        }

        _all.RemoveRange(0, overflow);
        _shown.RemoveRange(0, Math.Min(shownEvicted, _shown.Count));
        Interlocked.Add(ref _evicted, overflow);
    }

    private static void InsertInOrder(List<LogEntry> list, LogEntry entry)
    {
        if (list.Count == 0 || list[^1].TimestampNanos <= entry.TimestampNanos)
        {
            list.Add(entry);
            return;
        }

        list.Insert(UpperBound(list, entry.TimestampNanos), entry);
    }

    private static int LowerBound(List<LogEntry> list, long timestamp)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (list[mid].TimestampNanos < timestamp)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static int UpperBound(List<LogEntry> list, long timestamp)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (list[mid].TimestampNanos <= timestamp)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}

