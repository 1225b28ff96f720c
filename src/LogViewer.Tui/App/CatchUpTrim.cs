namespace LogViewer.Tui.App;

/// <summary>
/// Gives memory back once a tail has caught up. Reading a window's history (a million lines at 1,000 a page) grows the
/// heap far beyond what the store then holds: answer buffers, parsed pages and the collector's own budgets stay
/// committed, so the viewer kept its catch-up peak for as long as it ran. When at least <see cref="Threshold"/> lines
/// have come in backlog-sized batches since the last trim, and then none for <see cref="QuietFor"/>, the next live
/// batch runs one full compacting collection that decommits what it frees (<see cref="GCCollectionMode.Aggressive"/>).
/// A live tail's small batches never count, so a steady tail never pays for it; nor does a back-fill in progress,
/// since it has not caught up yet.
/// </summary>
internal sealed class CatchUpTrim(TimeProvider time, Action collect)
{
    /// <summary>Lines read in backlog-sized batches since the last trim before a trim is worth a full collection.</summary>
    public const int Threshold = 100_000;

    /// <summary>The largest batch taken for a live poll's rather than a backlog page's (a page holds up to 1,000).</summary>
    public const int LiveBatch = 500;

    /// <summary>How long after the last backlog batch the tail counts as caught up.</summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(3);

    private long _sinceTrim;
    private DateTimeOffset _lastBacklogBatch;

    public CatchUpTrim(TimeProvider time)
        : this(time, () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true))
    {
    }

    /// <summary>How many trims have run.</summary>
    public int Trims { get; private set; }

    /// <summary>A batch of <paramref name="lines"/> went into the store (on the ingest thread, the store's writer).</summary>
    public void OnBatch(int lines)
    {
        var now = time.GetUtcNow();
        if (lines > LiveBatch)
        {
            _sinceTrim += lines;
            _lastBacklogBatch = now;
        }
        else if (_sinceTrim >= Threshold && now - _lastBacklogBatch >= QuietFor)
        {
            _sinceTrim = 0;
            Trims++;
            collect();
        }
    }
}
