namespace LogViewer.Simulator.Logs;

/// <summary>
/// One target's logs: its generator and its store, behind one lock. Every read first generates up to the
/// current time, so the store always holds exactly the lines that exist by now.
/// </summary>
internal sealed class TargetLogs(GeneratedLineSource source, TimeSpan? retention)
{
    private const int ForgetBatch = 4096;
    private readonly Lock _gate = new();
    private readonly LineStore _store = new();
    private readonly List<SimulatedLine> _generated = [];

    public List<SimulatedLine> Query(long fromNanos, long toNanos, LineFilter filter, bool ascending, int limit, DateTimeOffset now)
    {
        lock (_gate)
        {
            CatchUpLocked(now);
            return _store.Query(fromNanos, toNanos, filter, ascending, limit, now);
        }
    }

    public List<GroundTruthLine> GroundTruth(DateTimeOffset now)
    {
        lock (_gate)
        {
            CatchUpLocked(now);
            return _store.Snapshot();
        }
    }

    public void Add(IEnumerable<SimulatedLine> lines, DateTimeOffset now)
    {
        lock (_gate)
        {
            // Generated lines up to now come first, so injected ones sort after them on timestamp ties.
            CatchUpLocked(now);
            foreach (var line in lines)
            {
                ArgumentNullException.ThrowIfNull(line);
                _store.Add(line);
            }
        }
    }

    /// <summary>How many lines are held now, without generating any (what was generated so far, minus forgotten).</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _store.Count;
            }
        }
    }

    /// <summary>Generates every line up to <paramref name="now"/> (what each read does first).</summary>
    public void CatchUp(DateTimeOffset now)
    {
        lock (_gate)
        {
            CatchUpLocked(now);
        }
    }

    private void CatchUpLocked(DateTimeOffset now)
    {
        _generated.Clear();
        source.GenerateUntil(EpochNanos.Of(now), _generated);
        foreach (var line in _generated)
        {
            _store.Add(line);
        }

        _generated.Clear();
        if (retention is { } keep)
        {
            _store.ForgetBefore(EpochNanos.Of(now - keep), ForgetBatch);
        }
    }
}
