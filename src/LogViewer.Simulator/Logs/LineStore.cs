namespace LogViewer.Simulator.Logs;

/// <summary>
/// Every line of one target, kept sorted by (timestamp, sequence). Generated lines arrive in timestamp order and
/// are appended; injected lines may land anywhere and are inserted. Not thread-safe: <see cref="TargetLogs"/> locks.
/// </summary>
internal sealed class LineStore
{
    private readonly List<StoredLine> _lines = [];
    private long _nextSequence;

    public int Count => _lines.Count;

    public void Add(SimulatedLine line)
    {
        var stored = new StoredLine(line, _nextSequence++);
        if (_lines.Count == 0 || !stored.Precedes(_lines[^1]))
        {
            _lines.Add(stored);
            return;
        }

        // Ties keep insertion order, so the new line goes after every line with the same timestamp.
        _lines.Insert(FirstIndexAfter(line.TimestampNanos), stored);
    }

    /// <summary>
    /// The first <paramref name="limit"/> lines, in the asked order, with a timestamp in [fromNanos, toNanos],
    /// visible at <paramref name="now"/> and matching <paramref name="filter"/>. Descending is the exact reverse of ascending.
    /// </summary>
    public List<SimulatedLine> Query(long fromNanos, long toNanos, LineFilter filter, bool ascending, int limit, DateTimeOffset now)
    {
        var result = new List<SimulatedLine>(Math.Min(limit, 1024));
        var first = FirstIndexAtOrAfter(fromNanos);
        var afterLast = FirstIndexAfter(toNanos);
        if (ascending)
        {
            for (var i = first; i < afterLast && result.Count < limit; i++)
            {
                TakeIfMatching(_lines[i], filter, now, result);
            }
        }
        else
        {
            for (var i = afterLast - 1; i >= first && result.Count < limit; i--)
            {
                TakeIfMatching(_lines[i], filter, now, result);
            }
        }

        return result;
    }

    /// <summary>Forgets lines with a timestamp before <paramref name="nanos"/>, in batches so the cost stays amortised.</summary>
    public void ForgetBefore(long nanos, int minimumBatch)
    {
        var expired = FirstIndexAtOrAfter(nanos);
        if (expired >= minimumBatch)
        {
            _lines.RemoveRange(0, expired);
        }
    }

    public List<GroundTruthLine> Snapshot()
    {
        var result = new List<GroundTruthLine>(_lines.Count);
        foreach (var stored in _lines)
        {
            var line = stored.Line;
            result.Add(new GroundTruthLine(line.TimestampNanos, line.Message, line.Replica, line.RequestId, line.Level, line.VisibleAt));
        }

        return result;
    }

    private static void TakeIfMatching(StoredLine stored, LineFilter filter, DateTimeOffset now, List<SimulatedLine> result)
    {
        if (stored.Line.VisibleAt <= now && filter.Matches(stored))
        {
            result.Add(stored.Line);
        }
    }

    private int FirstIndexAtOrAfter(long nanos)
    {
        int low = 0, high = _lines.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_lines[middle].TimestampNanos < nanos)
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

    private int FirstIndexAfter(long nanos) => nanos == long.MaxValue ? _lines.Count : FirstIndexAtOrAfter(nanos + 1);
}
