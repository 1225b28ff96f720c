using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Core.Timeline;
using LogViewer.Tui.Data;
using LogViewer.Tui.State;
using LogViewer.Tui.Timeline;
using LogViewer.Tui.Viewer;

namespace LogViewer.Tui.Tests.Timeline;

public sealed class TimelineReducerTests : IDisposable
{
    private readonly LogStore _store = new(10_000);
    private readonly FilteredView _view;

    public TimelineReducerTests() => _view = new FilteredView(_store);

    public void Dispose() => _view.Dispose();

    /// <summary>Two lines a second for 100 s (the second of each pair at .5 s), following, and the strip open 50 buckets wide.</summary>
    private ViewerState Opened()
    {
        _store.Add([.. Enumerable.Range(0, 200).Select(i => new LogEntry(Nanos.FromDateTimeOffset(Entries.Start.AddSeconds(i / 2.0)), $"line {i}", "r", null, LogLevel.Info))]);
        var state = Apply(new ViewerState { PageHeight = 10 }, Changed(), new ToggleTimeline(), new TimelineMeasured(50));
        return Counted(state);
    }

    private DataChanged Changed() => new(new SnapshotRows(_view.Current), LogFigures.Empty);

    /// <summary>Runs the count the state asked for, as the program does.</summary>
    private static ViewerState Counted(ViewerState state)
    {
        var request = new TimelineRequest(state.Rows, state.Timeline.Columns, TimeSpan.Zero);
        var histogram = TimelineCounter.Count(((SnapshotRows)state.Rows).Snapshot, request.Columns, request.Offset);
        return Apply(state, new TimelineCounted(request, histogram));
    }

    private static ViewerState Apply(ViewerState state, params ViewerAction[] actions) =>
        actions.Aggregate(state, (current, action) => ViewerReducer.Update(current, action).State);

    [Fact]
    public void Opening_Asks_For_One_Count_Once_Measured_And_No_Second_While_It_Runs()
    {
        _store.Add(Entries.Numbered(0, 10));
        var state = Apply(new ViewerState(), Changed(), new ToggleTimeline());
        Assert.True(state.Timeline.Open && state.Timeline.Focused);
        Assert.False(state.Timeline.Counting); // not laid out yet: nothing to count for

        var measured = ViewerReducer.Update(state, new TimelineMeasured(50));
        var count = Assert.Single(measured.Effects.OfType<CountTimeline>());
        Assert.Equal(50, count.Request.Columns);
        Assert.Same(state.Rows, count.Request.Rows);

        // Lines arrive while it runs: no second count until the first answers, then one for the newer rows.
        _store.Add(Entries.Numbered(10, 5));
        var arrived = ViewerReducer.Update(measured.State, Changed());
        Assert.Empty(arrived.Effects.OfType<CountTimeline>());
        var answered = ViewerReducer.Update(arrived.State, new TimelineCounted(count.Request, TimelineHistogram.Empty));
        Assert.Same(arrived.State.Rows, Assert.Single(answered.Effects.OfType<CountTimeline>()).Request.Rows);

        // Once the count is of what is shown, nothing more is asked.
        var settled = ViewerReducer.Update(answered.State, new TimelineCounted(new TimelineRequest(arrived.State.Rows, 50, TimeSpan.Zero), TimelineHistogram.Empty));
        Assert.Empty(settled.Effects.OfType<CountTimeline>());
    }

    [Fact]
    public void The_Cursor_Starts_On_The_Newest_Bucket_Moves_By_Buckets_And_Stops_At_The_Ends()
    {
        var state = Opened();
        var histogram = state.Timeline.Histogram;
        Assert.Equal(2_000_000_000L, histogram.BucketNanos); // 100 s into 50 columns
        Assert.Equal(histogram.Count - 1, state.Timeline.CursorBucket);

        state = Apply(state, new MoveTimelineCursor(-3));
        Assert.Equal(histogram.Count - 4, state.Timeline.CursorBucket);
        state = Apply(state, new TimelineCursorToEnd(Newest: false), new MoveTimelineCursor(-1));
        Assert.Equal(0, state.Timeline.CursorBucket);
        state = Apply(state, new MoveTimelineCursor(2));
        Assert.Equal(2, state.Timeline.CursorBucket);
        state = Apply(state, new TimelineCursorToEnd(Newest: true), new MoveTimelineCursor(5));
        Assert.Equal(histogram.Count - 1, state.Timeline.CursorBucket);
        Assert.Null(state.Timeline.CursorNanos); // stays on the newest as buckets open
    }

    [Fact]
    public void Enter_Selects_The_First_Entry_Of_The_Bucket_At_The_Top_And_Pauses()
    {
        var state = Opened();
        Assert.True(state.Following);

        // When: the cursor is on the bucket of 12:00:20-12:00:22 and Enter is pressed.
        state = Apply(state, new TimelineCursorToEnd(Newest: false), new MoveTimelineCursor(10), new JumpToTimelineBucket());

        // Then: the selection is line 40 (12:00:20.000), the first of the bucket, at the top; following paused, the pane has the keys.
        Assert.Equal("line 40", state.Rows.At(state.SelectedRow)!.Value.Message);
        Assert.Equal(state.SelectedRow, state.TopRow);
        Assert.False(state.Following);
        Assert.False(state.Timeline.Focused);
        Assert.True(state.Timeline.Open);
    }

    [Fact]
    public void Enter_On_A_Bucket_The_Filters_Emptied_Says_So_And_Stays()
    {
        // Given: a gap: lines at 0-9 s and 90-99 s only.
        _store.Add([.. Entries.Numbered(0, 10), .. Entries.Numbered(90, 10)]);
        var state = Counted(Apply(new ViewerState { PageHeight = 10 }, Changed(), new ToggleTimeline(), new TimelineMeasured(50)));

        // When: Enter on a bucket in the gap.
        state = Apply(state, new TimelineCursorToEnd(Newest: false), new MoveTimelineCursor(20), new JumpToTimelineBucket());

        // Then: a notice, the selection still follows, the strip keeps the keys.
        Assert.Equal("no lines shown in 12:00:40-12:00:42", state.Notice);
        Assert.True(state.Following);
        Assert.True(state.Timeline.Focused);
    }

    [Fact]
    public void Strip_Keys_Do_Nothing_While_The_Pane_Has_The_Keys_And_Tab_Gives_Them_Back()
    {
        var state = Apply(Opened(), new LeaveTimeline());
        Assert.False(state.Timeline.Focused);

        var moved = Apply(state, new MoveTimelineCursor(-5), new JumpToTimelineBucket());
        Assert.Equal(state.Timeline, moved.Timeline);
        Assert.True(moved.Following);

        // T gives the strip the keys again; T with the keys closes it; r toggles the per-replica rows.
        state = Apply(state, new ToggleTimeline(), new ToggleTimelineReplicas());
        Assert.True(state.Timeline.Focused && state.Timeline.ByReplica);
        state = Apply(state, new CloseTimeline());
        Assert.False(state.Timeline.Open);
        Assert.True(state.Timeline.ByReplica); // remembered for the next time it opens
    }
}
