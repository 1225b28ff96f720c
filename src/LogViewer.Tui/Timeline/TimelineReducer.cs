using LogViewer.Tui.State;

namespace LogViewer.Tui.Timeline;

/// <summary>
/// The timeline's cases: <c>T</c> and <c>:timeline</c> open and close it, the strip's keys move its cursor and jump the
/// pane to a bucket; <see cref="Recount"/> runs after every message and asks for a count when what the strip shows
/// (the rows, its width, the zone) is not what was last counted and no count is running.
/// </summary>
internal static class TimelineReducer
{
    public static ViewerUpdate? Update(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        var timeline = state.Timeline;
        switch (action)
        {
            case ToggleTimeline:
                return !timeline.Open || !timeline.Focused ? Open(state) : Close(state);
            case SetTimeline set:
                return set.On ?? !timeline.Open ? Open(state) : Close(state);
            case PointTimelineCursor point when timeline.Open:
                return MoveCursor(state with { Timeline = timeline with { Focused = true } }, point.Bucket);
            case TimelineMeasured measured:
                return state with { Timeline = timeline with { Columns = Math.Max(0, measured.Columns) } };
            case TimelineCounted counted:
                return state with
                {
                    // A count that answers after the strip closed is for nobody.
                    Timeline = timeline.Open ? timeline with { Counting = false, Counted = counted.Request, Histogram = counted.Histogram } : timeline with { Counting = false },
                };
        }

        if (!HasKeys(state))
        {
            return null;
        }

        ViewerState? next = action switch
        {
            MoveTimelineCursor move => MoveCursor(state, timeline.CursorBucket + move.Buckets),
            TimelineCursorToEnd end => MoveCursor(state, end.Newest ? int.MaxValue : 0),
            JumpToTimelineBucket => Jump(state),
            ToggleTimelineReplicas => state with { Timeline = timeline with { ByReplica = !timeline.ByReplica } },
            LeaveTimeline => state with { Timeline = timeline with { Focused = false } },
            CloseTimeline => Close(state),
            _ => null,
        };
        return next is { } changed ? new ViewerUpdate(changed, []) : (ViewerUpdate?)null;
    }

    /// <summary>
    /// The strip takes its keys: it is open with the keys, and nothing is drawn over it (help, the detail pane, the
    /// request trace, a chart keep theirs: Esc closes them, not the strip under them).
    /// </summary>
    public static bool HasKeys(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Timeline is { Open: true, Focused: true } && !state.HelpVisible && !state.Detail.Open && !state.Trace.Open && !state.Chart.Open;
    }

    /// <summary>Adds a count when the strip is open, nothing is counting, and the last count is not of what it shows now.</summary>
    public static ViewerUpdate Recount(ViewerUpdate update)
    {
        var state = update.State;
        var timeline = state.Timeline;
        if (!timeline.Open || timeline.Counting || timeline.Columns <= 0)
        {
            return update;
        }

        var wanted = new TimelineRequest(state.Rows, timeline.Columns, OffsetOf(state));
        if (wanted == timeline.Counted)
        {
            return update;
        }

        return (update with { State = state with { Timeline = timeline with { Counting = true } } }).With(new CountTimeline(wanted));
    }

    /// <summary>The zone the strip's times are shown in: UTC when the time column shows UTC, else the local zone.</summary>
    public static TimeZoneInfo ZoneOf(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TimeFormat == TimeFormat.UtcIso ? TimeZoneInfo.Utc : state.LocalZone;
    }

    private static TimeSpan OffsetOf(ViewerState state) => ZoneOf(state).GetUtcOffset(state.Now);

    private static ViewerState Open(ViewerState state) =>
        state with { Timeline = state.Timeline with { Open = true, Focused = true }, HelpVisible = false };

    private static ViewerState Close(ViewerState state) => state with
    {
        Timeline = TimelineState.Closed with { ByReplica = state.Timeline.ByReplica, Counting = state.Timeline.Counting },
    };

    private static ViewerState MoveCursor(ViewerState state, int bucket)
    {
        var timeline = state.Timeline;
        var histogram = timeline.Histogram;
        if (histogram.Count == 0)
        {
            return state with { Notice = "the timeline is empty: no lines shown" };
        }

        var target = Math.Clamp(bucket, 0, histogram.Count - 1);

        // On the newest bucket the cursor stays there as new buckets open, as following stays at the bottom.
        return state with { Timeline = timeline with { CursorNanos = target == histogram.Count - 1 ? null : histogram.BucketStart(target) } };
    }

    private static ViewerState Jump(ViewerState state)
    {
        var timeline = state.Timeline;
        var histogram = timeline.Histogram;
        var bucket = timeline.CursorBucket;
        if (bucket < 0)
        {
            return state with { Notice = "the timeline is empty: no lines shown" };
        }

        var from = histogram.BucketStart(bucket);
        var rows = state.Rows;
        var row = rows.RowAtOrAfterTime(from);
        if (rows.At(row) is not { } entry || entry.TimestampNanos >= from + histogram.BucketNanos)
        {
            return state with { Notice = $"no lines shown in {TimelineText.RangeOf(histogram, bucket, ZoneOf(state))}", NoticeIsError = true };
        }

        return Positions.PlaceAtTop(state, rows, row) with { Timeline = timeline with { Focused = false } };
    }
}
