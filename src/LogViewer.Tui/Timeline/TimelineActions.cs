using LogViewer.Core.Timeline;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Timeline;

/// <summary><c>T</c>: opens the timeline with the keys; gives it the keys when it is open without them.</summary>
internal sealed record ToggleTimeline : ViewerAction;

/// <summary><c>:timeline</c> (<paramref name="On"/> null: toggle), <c>:timeline on</c>, <c>:timeline off</c>.</summary>
internal sealed record SetTimeline(bool? On) : ViewerAction;

/// <summary>h/l, Left/Right in the strip: the cursor one bucket back or on.</summary>
internal sealed record MoveTimelineCursor(int Buckets) : ViewerAction;

/// <summary>H/L, Home/End in the strip: the cursor to the oldest or the newest bucket.</summary>
internal sealed record TimelineCursorToEnd(bool Newest) : ViewerAction;

/// <summary>A click on a bucket of the strip: the cursor goes there and the strip takes the keys.</summary>
internal sealed record PointTimelineCursor(int Bucket) : ViewerAction;

/// <summary>Enter in the strip: the pane goes to the first shown entry of the cursor's bucket.</summary>
internal sealed record JumpToTimelineBucket : ViewerAction;

/// <summary><c>r</c> in the strip: one row per replica, or the stacked totals again.</summary>
internal sealed record ToggleTimelineReplicas : ViewerAction;

/// <summary>Tab in the strip: the keys go back to the log pane, the strip stays.</summary>
internal sealed record LeaveTimeline : ViewerAction;

/// <summary>T or Esc in the strip: closes it.</summary>
internal sealed record CloseTimeline : ViewerAction;

/// <summary>The strip was laid out with room for this many buckets.</summary>
internal sealed record TimelineMeasured(int Columns) : ViewerAction;

/// <summary>The answer to <see cref="CountTimeline"/>.</summary>
internal sealed record TimelineCounted(TimelineRequest Request, TimelineHistogram Histogram) : ViewerAction;
