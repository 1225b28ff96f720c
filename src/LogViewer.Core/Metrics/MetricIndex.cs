using System.Collections.Immutable;
using System.Reactive.Concurrency;
using LogViewer.Core.Store;

namespace LogViewer.Core.Metrics;

/// <summary>
/// The numbers the lines of a <see cref="LogStore"/> carry (<see cref="MetricScanner"/>), as one series per key and
/// replica, kept up to date as the store changes: each store batch costs only its new lines. A line is new when its
/// store id is above every id read before (ids are handed out in arrival order, late lines and older history
/// included), so appended lines, late inserts and back-filled history are each read once, wherever they land, and a
/// rebuilt chunk costs an id comparison per old line. Memory is bounded: at most <see cref="MaxKeys"/> keys,
/// <see cref="MaxSeries"/> series and <see cref="PointsPerSeries"/> points per series (merged in pairs past it), and
/// points stay when the store evicts its oldest lines. Lines shed from the newest end for older history
/// (<see cref="LogStore.AddOlder"/>) take their points with them, since the live tail brings them again. Read <see cref="Keys"/> and <see cref="Read"/> from any thread.
/// </summary>
public sealed class MetricIndex : IDisposable
{
    /// <summary>Keys charted at most; the lines of later new keys are not read.</summary>
    public const int MaxKeys = 128;

    /// <summary>Series (key and replica) at most, over all keys.</summary>
    public const int MaxSeries = 512;

    /// <summary>Points a series holds at most before its neighbours are merged in pairs.</summary>
    public const int PointsPerSeries = 1024;

    private readonly Lock _lock = new();
    private readonly LogStore _store;
    private readonly int _pointsPerSeries;
    private readonly MetricScanner _scanner = new();
    private readonly MetricReading[] _readings = new MetricReading[MetricScanner.MaxReadingsPerLine];
    private readonly Dictionary<string, KeySeries> _keys = new(StringComparer.Ordinal);
    private Dictionary<object, int> _scanned = new(ReferenceEqualityComparer.Instance);
    private Dictionary<object, int> _scanning = new(ReferenceEqualityComparer.Instance);
    private long _readThroughId = -1;
    private long _shedSeen;
    private int _seriesCount;
    private long _version;
    private bool _disposed;

    /// <param name="store">The lines to read; batches added later are read as they are published.</param>
    /// <param name="catchUp">Where the lines the store already holds are read (a replayed file); at once when null.</param>
    /// <param name="pointsPerSeries">The cap of each series (tests pass a small one).</param>
    public MetricIndex(LogStore store, IScheduler? catchUp = null, int pointsPerSeries = PointsPerSeries)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerSeries, 2);
        _store = store;
        _pointsPerSeries = pointsPerSeries;

        // Subscribe first: a batch published in between is then read by one of the two syncs.
        _store.Changed += OnStoreChanged;
        if (catchUp is null)
        {
            Sync();
        }
        else
        {
            catchUp.Schedule(Sync);
        }
    }

    /// <summary>Changes whenever a point is added.</summary>
    public long Version
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    /// <summary>Every key found so far, by name, with the lines that carried it.</summary>
    public IReadOnlyList<MetricKeyCount> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys.Values.Where(k => k.Lines > 0).Select(k => new MetricKeyCount(k.Key, k.Lines)).OrderBy(k => k.Key, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The chart of <paramref name="key"/> as it stands, or <c>null</c> when no line carried it (the same value while nothing changed).</summary>
    public MetricChart? Read(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return _keys.TryGetValue(key, out var series) && series.Lines > 0 ? series.Snapshot() : null;
        }
    }

    public void Dispose()
    {
        _store.Changed -= OnStoreChanged;
        lock (_lock)
        {
            _disposed = true;
        }
    }

    private void OnStoreChanged(object? sender, EventArgs e) => Sync();

    /// <summary>Reads the lines of the store's newest snapshot that no earlier sync read.</summary>
    private void Sync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var snapshot = _store.Current;
            if (snapshot.ShedCount != _shedSeen)
            {
                _shedSeen = snapshot.ShedCount;
                if (snapshot.CutNanos is { } cut)
                {
                    DropFrom(cut);
                }
            }

            var names = snapshot.ReplicaNames;
            var readBefore = _readThroughId;
            _scanning.Clear();
            for (var k = 0; k < snapshot.ChunkCount; k++)
            {
                var chunk = snapshot.Chunk(k);
                var end = snapshot.ChunkEnd(k);

                // A chunk seen before grew only at its end; a new one (appended, or rebuilt around late lines) is read
                // whole, skipping the lines read before.
                var from = _scanned.TryGetValue(chunk, out var scanned) ? Math.Max(scanned, snapshot.ChunkBegin(k)) : snapshot.ChunkBegin(k);
                for (var local = from; local < end; local++)
                {
                    var id = chunk.Id(local);
                    if (id <= readBefore)
                    {
                        continue;
                    }

                    _readThroughId = Math.Max(_readThroughId, id);
                    ReadLine(chunk.Message(local), chunk.Timestamp(local), chunk.ReplicaCode(local), names);
                }

                _scanning[chunk] = end;
            }

            (_scanned, _scanning) = (_scanning, _scanned);
            _scanning.Clear();
        }
    }

    private void DropFrom(long cut)
    {
        foreach (var key in _keys.Values)
        {
            foreach (var series in key.Order)
            {
                var (lines, withStep) = series.RemoveFrom(cut);
                if (lines > 0)
                {
                    key.Lines -= lines;
                    key.LinesWithStep -= withStep;
                    key.Version = ++_version;
                }
            }
        }
    }

    private void ReadLine(ReadOnlySpan<byte> message, long nanos, int replicaCode, string?[] replicaNames)
    {
        var count = _scanner.Scan(message, _readings, out var step);
        for (var i = 0; i < count; i++)
        {
            var reading = _readings[i];
            if (!_keys.TryGetValue(reading.Key, out var key))
            {
                if (_keys.Count >= MaxKeys)
                {
                    continue;
                }

                key = new KeySeries(reading.Key);
                _keys.Add(reading.Key, key);
            }

            if (!key.ByReplica.TryGetValue(replicaCode, out var series))
            {
                if (_seriesCount >= MaxSeries)
                {
                    continue;
                }

                series = new MetricSeries(replicaNames[replicaCode]);
                key.ByReplica.Add(replicaCode, series);
                key.Order.Add(series);
                _seriesCount++;
            }

            series.Add(MetricPoint.Of(nanos, step, reading.Value), _pointsPerSeries);
            key.Lines++;
            if (step >= 0)
            {
                key.LinesWithStep++;
            }

            key.Version = ++_version;
        }
    }

    /// <summary>One key's series, by replica code and in first-seen order, and the snapshot last handed out.</summary>
    private sealed class KeySeries(string key)
    {
        public string Key { get; } = key;

        public Dictionary<int, MetricSeries> ByReplica { get; } = [];

        public List<MetricSeries> Order { get; } = [];

        public long Lines { get; set; }

        public long LinesWithStep { get; set; }

        public long Version { get; set; }

        private MetricChart? _snapshot;

        public MetricChart Snapshot()
        {
            if (_snapshot is { } cached && cached.Version == Version)
            {
                return cached;
            }

            var series = ImmutableArray.CreateBuilder<MetricSeriesSnapshot>(Order.Count);
            foreach (var one in Order)
            {
                var points = one.Points;
                if (points.Count == 0)
                {
                    continue;
                }

                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                foreach (var point in points)
                {
                    min = Math.Min(min, point.Min);
                    max = Math.Max(max, point.Max);
                }

                series.Add(new MetricSeriesSnapshot(one.Replica, [.. points], min, max, points[^1].Last, one.Lines));
            }

            // By step when nearly every line has one: a few lines printed before the loop started should not switch it to
            // time. The step itself is charted by time (how fast training goes), never against itself.
            var bySteps = LinesWithStep * 10 >= Lines * 9 && !Key.Equals(MetricScanner.StepKey, StringComparison.OrdinalIgnoreCase);
            _snapshot = new MetricChart(Key, bySteps, Lines, series.ToImmutable(), Version);
            return _snapshot;
        }
    }
}
