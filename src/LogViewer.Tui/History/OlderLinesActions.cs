using LogViewer.Tui.State;

namespace LogViewer.Tui.History;

/// <summary>A page of older lines was added to the store.</summary>
/// <param name="Lines">Lines the page added (0 when everything it read was held already).</param>
/// <param name="Exhausted">Nothing older is left down to <paramref name="FloorMillis"/>.</param>
/// <param name="FloorMillis">The target's start (epoch ms): how far back reading can go.</param>
/// <param name="OldestHeldNanos">The store's oldest line after the page, if any.</param>
/// <param name="CutNanos">The store's cut after the page: set when the page shed the live end.</param>
internal sealed record OlderLinesRead(int Lines, bool Exhausted, long FloorMillis, long? OldestHeldNanos, long? CutNanos) : ViewerAction;

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
