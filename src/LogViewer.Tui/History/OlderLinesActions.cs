using LogViewer.Tui.State;

namespace LogViewer.Tui.History;

/// <summary>A page of older lines was added to the store.</summary>
/// <param name="Exhausted">Nothing older is left down to <paramref name="FloorMillis"/>.</param>
/// <param name="FloorMillis">The target's start (epoch ms): how far back reading can go.</param>
/// <param name="OldestHeldNanos">The store's oldest line after the page, if any.</param>
/// <param name="CutNanos">The store's cut after the page: set when the page shed the live end.</param>
internal sealed record OlderLinesRead(bool Exhausted, long FloorMillis, long? OldestHeldNanos, long? CutNanos) : ViewerAction;

/// <summary>Reading older lines failed; <paramref name="Message"/> says why, without the key.</summary>
internal sealed record OlderLinesFailed(string Message) : ViewerAction;

/// <summary>Read the page before the oldest held line and add it to the store (<c>LogStore.AddOlder</c>).</summary>
internal sealed record ReadOlderLines : ViewerEffect
{
    public static ReadOlderLines Instance { get; } = new();
}

/// <summary>
/// <c>G</c> after reading far back shed the live end: hold the newest lines again and tail from the cut's millisecond.
/// </summary>
internal sealed record FollowLiveAgain(long CutNanos) : ViewerEffect;

/// <summary>
/// The page read far back for a <c>:goto</c> was added; <paramref name="Gap"/> is what lies unloaded between it and
/// the range held before, <c>null</c> when the page reached it. <paramref name="FirstNanos"/> is the page's first
/// line (at or after the time asked: the first line there).
/// </summary>
internal sealed record AroundRead(int Lines, long? FirstNanos, HistoryGap? Gap, long FloorMillis, long? CutNanos) : ViewerAction;

/// <summary>A page of a gap was added: <paramref name="Gap"/> is what is left of it (<c>null</c>: closed).</summary>
internal sealed record GapPageRead(HistoryGap? Gap, long? CutNanos) : ViewerAction;

/// <summary>Read one page from <paramref name="TimeNanos"/> on, far before the loaded start (<c>:goto</c>).</summary>
internal sealed record ReadAround(long TimeNanos) : ViewerEffect;

/// <summary>Read the newest page of the gap, below the held line at its top.</summary>
internal sealed record ReadIntoGap(HistoryGap Gap) : ViewerEffect;
