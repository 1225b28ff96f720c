namespace LogViewer.Core.Metrics;

/// <summary>
/// One key's points for one replica, in time order, at most <see cref="MetricIndex.PointsPerSeries"/> of them: a
/// point older than the newest (a late line, older history read later) is inserted in place; past the cap neighbours
/// are merged in pairs into min/max buckets, so the whole run stays charted at half the resolution and no spike is lost.
/// Written under the index's lock.
/// </summary>
internal sealed class MetricSeries(string? replica)
{
    private readonly List<MetricPoint> _points = [];

    public string? Replica { get; } = replica;

    public IReadOnlyList<MetricPoint> Points => _points;

    /// <summary>Lines read into this series (merging keeps them counted).</summary>
    public long Lines { get; private set; }

    public void Add(MetricPoint point, int cap)
    {
        Lines++;
        if (_points.Count == 0 || point.Nanos >= _points[^1].Nanos)
        {
            _points.Add(point);
        }
        else
        {
            _points.Insert(UpperBound(point.Nanos), point);
        }

        if (_points.Count > cap)
        {
            Halve();
        }
    }

    /// <summary>
    /// Removes the points at or after <paramref name="nanos"/> (their lines were shed from the store's newest end, and
    /// will be read again when the live end is); returns the lines removed and how many of them had a step.
    /// </summary>
    public (long Lines, long WithStep) RemoveFrom(long nanos)
    {
        var from = UpperBound(nanos - 1);
        long lines = 0, withStep = 0;
        for (var i = from; i < _points.Count; i++)
        {
            lines += _points[i].Count;
            withStep += _points[i].Step >= 0 ? _points[i].Count : 0;
        }

        _points.RemoveRange(from, _points.Count - from);
        Lines -= lines;
        return (lines, withStep);
    }

    private int UpperBound(long nanos)
    {
        int low = 0, high = _points.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_points[middle].Nanos <= nanos)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Halve()
    {
        var kept = 0;
        for (var i = 0; i < _points.Count; i += 2)
        {
            _points[kept++] = i + 1 < _points.Count ? _points[i].Merge(_points[i + 1]) : _points[i];
        }

        _points.RemoveRange(kept, _points.Count - kept);
    }
}
