using LogViewer.Core.Timeline;

namespace LogViewer.Tui.State;

/// <summary>
/// The timeline strip's slice (<c>T</c>, <c>:timeline</c>): open or not, whether it has the keys, the per-replica view,
/// the cursor, and the last count of what the filters show. At most one count runs at a time: while one runs, newer
/// rows wait, and the reducer asks again when it answers, so a fast tail costs one count per answer, not per batch.
/// </summary>
internal sealed record TimelineState
{
    public static TimelineState Closed { get; } = new();

    public bool Open { get; init; }

    /// <summary>The strip takes the movement keys (h/l, Enter...); otherwise keys go to the log pane.</summary>
    public bool Focused { get; init; }

    /// <summary>One row per replica instead of the stacked totals (<c>r</c>).</summary>
    public bool ByReplica { get; init; }

    /// <summary>Buckets the strip has room for; 0 until it has been laid out.</summary>
    public int Columns { get; init; }

    /// <summary>A time in the cursor's bucket; <c>null</c> keeps the cursor on the newest bucket as lines arrive.</summary>
    public long? CursorNanos { get; init; }

    public TimelineHistogram Histogram { get; init; } = TimelineHistogram.Empty;

    /// <summary>What <see cref="Histogram"/> counted; <c>null</c> before the first count.</summary>
    public TimelineRequest? Counted { get; init; }

    /// <summary>A count is running.</summary>
    public bool Counting { get; init; }

    /// <summary>The bucket the cursor is on; -1 without buckets.</summary>
    public int CursorBucket => CursorNanos is { } nanos ? Histogram.BucketOf(nanos) : Histogram.Count - 1;
}
