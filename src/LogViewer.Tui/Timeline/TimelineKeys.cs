using LogViewer.Tui.Keys;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Timeline;

/// <summary>
/// The keys of the timeline strip while it has them (after <c>T</c>); every other key goes to the log pane as usual.
/// The help overlay and the README take them from here.
/// </summary>
internal static class TimelineKeys
{
    public static IReadOnlyList<KeyCommand> Commands { get; } =
    [
        new(["h", "Left"], "cursor one bucket older", new MoveTimelineCursor(-1)),
        new(["l", "Right"], "cursor one bucket newer", new MoveTimelineCursor(1)),
        new(["H", "Home"], "cursor to the oldest bucket", new TimelineCursorToEnd(Newest: false)),
        new(["L", "End"], "cursor to the newest bucket (stays on it)", new TimelineCursorToEnd(Newest: true)),
        new(["Enter"], "pane to the bucket's first entry (pauses)", new JumpToTimelineBucket()),
        new(["r"], "one row per replica / stacked totals", new ToggleTimelineReplicas()),
        new(["Tab"], "keys back to the pane (strip stays)", new LeaveTimeline()),
        new(["T", "Esc"], "close the timeline", new CloseTimeline()),
    ];

    private static readonly Dictionary<string, ViewerAction> ByKey = KeyCommand.Index(Commands);

    public static ViewerAction? Resolve(string keyName) => ByKey.GetValueOrDefault(keyName);
}
