using LogViewer.Core.Model;

namespace LogViewer.Tui.State;

/// <summary>
/// Scrolling back past the oldest loaded line: whether older lines can be read (a tail, not a replayed file), a read
/// under way, how it ended, and whether reading far back shed the live end (the store's cut).
/// </summary>
internal sealed record OlderLinesState
{
    public static OlderLinesState Unavailable { get; } = new();

    /// <summary>The session can read older pages (a deployment or training job tail).</summary>
    public bool Available { get; init; }

    /// <summary>A page is being read: the pane's top row says "loading older lines...".</summary>
    public bool Loading { get; init; }

    /// <summary>The page being read is a gap's (its row says "loading", not the top row).</summary>
    public bool ReadingGap { get; init; }

    /// <summary>Set once nothing older is left: the target's start (epoch ms) that reading reached.</summary>
    public long? ExhaustedAtFloorMillis { get; init; }

    /// <summary>Why the last read failed (shown in the top row until the next try).</summary>
    public string? Error { get; init; }

    /// <summary>
    /// <c>:goto</c> to a time before the loaded start: pages are read until it is loaded, then the pane goes there.
    /// </summary>
    public long? PendingGotoNanos { get; init; }

    /// <summary>
    /// Set when older lines filled the store and the newest were shed: nothing from here on is held until
    /// <c>G</c> follows again (epoch ns, a millisecond's start).
    /// </summary>
    public long? CutNanos { get; init; }

    /// <summary>
    /// Lines not loaded between a page read far back (<c>:goto</c>) and the loaded range above it; <c>null</c> for none.
    /// </summary>
    public HistoryGap? Gap { get; init; }
}

/// <summary>
/// Lines not loaded: from the millisecond <paramref name="FromMillis"/> (the newest of the page read far back) up to the
/// held line at <paramref name="UpperNanos"/>. The API gives no count: <paramref name="LinesPerSecond"/> (of the page
/// read there) makes the estimate.
/// </summary>
internal sealed record HistoryGap(long FromMillis, long UpperNanos, double LinesPerSecond)
{
    public long FromNanos => Nanos.FromEpochMillis(FromMillis);

    /// <summary>About how many lines the gap holds, at the page's rate.</summary>
    public long EstimatedLines => (long)Math.Max(0, (UpperNanos - FromNanos) / 1e9 * LinesPerSecond);

    /// <summary>True when <paramref name="nanos"/> falls in the gap.</summary>
    public bool Contains(long nanos) => Nanos.ToEpochMillis(nanos) > FromMillis && nanos < UpperNanos;
}
