using LogViewer.Core.Model;
using LogViewer.Tui.Timeline;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Xunit.Abstractions;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Tests.Timeline;

public sealed class TimelineScreenTests(ITestOutputHelper output)
{
    /// <summary>A minute of info lines, one a second, with errors from second 40 on and a warning at second 10.</summary>
    private static void FeedErrorOnset(ViewerHarness viewer)
    {
        viewer.Feed(
        [
            .. Enumerable.Range(0, 60).Select(s => Entries.At(s, $"line {s}", s >= 40 ? LogLevel.Error : s == 10 ? LogLevel.Warning : LogLevel.Info)),
            .. Enumerable.Range(0, 60).Select(s => Entries.At(s, $"beta {s}", LogLevel.Info, "r-beta")),
        ]);
    }

    [Theory]
    [InlineData(80, 24, true)]
    [InlineData(80, 24, false)]
    [InlineData(200, 50, true)]
    [InlineData(200, 50, false)]
    public void T_Opens_The_Strip_Above_The_Pane_And_It_Shows_Where_Errors_Began(int width, int height, bool colours)
    {
        // Given: a minute of lines whose errors begin at 12:00:40.
        using var viewer = new ViewerHarness(width, height, configure: s => s with { MessageColours = colours });
        FeedErrorOnset(viewer);
        var paneRowsBefore = viewer.Program.State.PageHeight;

        // When: T opens the timeline.
        viewer.Press(new Key('T'));
        output.WriteLine(viewer.Screen);

        // Then: the strip sits above the pane, right of the sidebar, and the pane gave up its rows.
        var rows = viewer.Rows;
        var left = width >= 70 ? 22 : 0;
        var barRows = TimelineStrip.StackedRowsFor(height);
        var histogram = viewer.Program.State.Timeline.Histogram;
        Assert.StartsWith(TimelineText.RangeOf(histogram, histogram.Count - 1, TimeZoneInfo.Utc), rows[0][left..].Replace("Timeline 1s/col  ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(width >= 200, rows[0].Contains("first error 12:00:40", StringComparison.Ordinal));
        Assert.Equal(paneRowsBefore - barRows - 3, viewer.Program.State.PageHeight);
        Assert.Matches(@"^12:00:\d\d\.000 ", rows[barRows + 3][left..]);
        Assert.Contains("beta 59", rows[^4], StringComparison.Ordinal);

        // And: the level row under the bars is E from the bucket of 12:00:40 on, and not before; one W marks second 10's bucket.
        var bars = left + TimelineStrip.Gutter;
        var levels = rows[barRows + 1][bars..];
        var onset = histogram.BucketOf(Entries.At(40, "x").TimestampNanos);
        Assert.StartsWith("E/W", rows[barRows + 1][left..], StringComparison.Ordinal);
        Assert.Equal(onset, levels.IndexOf('E', StringComparison.Ordinal));
        Assert.Equal(histogram.Count - onset, levels.Count(c => c == 'E'));
        Assert.Equal(histogram.BucketOf(Entries.At(10, "x").TimestampNanos), levels.IndexOf('W', StringComparison.Ordinal));
        Assert.Single(levels, c => c == 'W');

        // And: the bars are full (every bucket has as many lines), their foot shaded ▓ where half the lines are errors,
        // ▒ where the warning is.
        var foot = rows[barRows][bars..][..histogram.Count].ToCharArray();
        var expected = (new string('█', onset) + new string('▓', histogram.Count - onset)).ToCharArray();
        expected[histogram.BucketOf(Entries.At(10, "x").TimestampNanos)] = '▒';
        Assert.Equal(new string(expected), new string(foot));

        // And: the axis labels round times, and the cursor (the newest bucket) carries its mark.
        var axis = rows[barRows + 2][bars..];
        Assert.Contains("12:00:", axis, StringComparison.Ordinal);
        Assert.Equal(histogram.Count - 1, axis.IndexOf('▲', StringComparison.Ordinal));

        // And: colour only when colour is on; the letters either way.
        var errorCell = viewer.CellAt(barRows + 1, bars + onset).Attribute!.Value;
        if (colours)
        {
            Assert.Equal(new Color(ColorName16.Red), errorCell.Background);
        }
        else
        {
            Assert.NotEqual(new Color(ColorName16.Red), errorCell.Background);
        }
    }

    [Fact]
    public void Moving_The_Cursor_Shows_Its_Bucket_And_Enter_Jumps_The_Pane_There()
    {
        // Given: the timeline open on the minute of lines (2 s buckets fit 50 columns).
        using var viewer = new ViewerHarness();
        FeedErrorOnset(viewer);
        viewer.Press(new Key('T'));
        Assert.Equal(2_000_000_000L, viewer.Program.State.Timeline.Histogram.BucketNanos);

        // When: the cursor goes to the oldest bucket, then five buckets on.
        viewer.Press(new Key('H'));
        viewer.Type("lllll");
        output.WriteLine(viewer.Screen);

        // Then: the header names the bucket 12:00:10-12:00:12 and its counts (the warning among them).
        Assert.Contains("12:00:10-12:00:12", viewer.Rows[0], StringComparison.Ordinal);
        Assert.Contains("4 lines 0 err 1 warn", viewer.Rows[0], StringComparison.Ordinal);

        // When: Enter.
        viewer.Press(Key.Enter);
        output.WriteLine(viewer.Screen);

        // Then: the pane shows the bucket's first entry at the top, selected, paused; the strip stays, the keys go back.
        var state = viewer.Program.State;
        Assert.False(state.Following);
        Assert.False(state.Timeline.Focused);
        Assert.True(state.Timeline.Open);
        Assert.Equal(Entries.At(10, "x").TimestampNanos, state.Rows.At(state.SelectedRow)!.Value.TimestampNanos);
        Assert.Equal(state.SelectedRow, state.TopRow);
        Assert.Contains("12:00:10.000", viewer.Rows[TimelineStrip.StackedRowsFor(24) + 3], StringComparison.Ordinal);

        // And: the pane's own keys work again (j moves the selection), and T gives the strip the keys back.
        viewer.Press(new Key('j'));
        Assert.True(viewer.Program.State.SelectedRow > state.SelectedRow);
        viewer.Press(new Key('T'));
        Assert.True(viewer.Program.State.Timeline.Focused);

        // And: T again closes it, and the pane has its rows back.
        viewer.Press(new Key('T'));
        Assert.False(viewer.Program.State.Timeline.Open);
        Assert.DoesNotContain("Timeline", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Strip_Counts_What_The_Filters_Show_And_Follows_New_Lines()
    {
        // Given: the timeline open on the minute of lines.
        using var viewer = new ViewerHarness();
        FeedErrorOnset(viewer);
        viewer.Command("timeline");
        Assert.True(viewer.Program.State.Timeline.Open);
        Assert.Equal(120, viewer.Program.State.Timeline.Histogram.Lines);

        // When: only errors are shown (:level error), and r-beta is hidden.
        viewer.Command("level error");
        Assert.Equal(20, viewer.Program.State.Timeline.Histogram.Lines);

        // When: more errors arrive.
        viewer.Feed(Entries.At(61, "late error", LogLevel.Error), Entries.At(62, "info", LogLevel.Info));

        // Then: the strip counts them (the info line is not shown, so not counted).
        Assert.Equal(21, viewer.Program.State.Timeline.Histogram.Lines);
        Assert.False(viewer.Program.State.Timeline.Counting);

        // And: :timeline off closes it.
        viewer.Command("timeline off");
        Assert.False(viewer.Program.State.Timeline.Open);
    }

    [Fact]
    public void R_Shows_One_Row_Per_Replica_With_Its_Errors()
    {
        using var viewer = new ViewerHarness(200, 50);
        FeedErrorOnset(viewer);
        viewer.Press(new Key('T'));
        viewer.Press(new Key('r'));
        output.WriteLine(viewer.Screen);

        var bars = 22 + TimelineStrip.Gutter;
        var alpha = viewer.Rows.Single(r => r.Length > 22 && r[22..].StartsWith("r-alpha", StringComparison.Ordinal));
        var beta = viewer.Rows.Single(r => r.Length > 22 && r[22..].StartsWith("r-beta", StringComparison.Ordinal));
        var onset = viewer.Program.State.Timeline.Histogram.BucketOf(Entries.At(40, "x").TimestampNanos);
        Assert.Equal(onset, alpha[bars..].IndexOf('E', StringComparison.Ordinal));
        Assert.DoesNotContain('E', beta[bars..]);
        Assert.DoesNotContain('W', beta[bars..]);
    }

    [Fact]
    public void A_Notice_Stays_While_The_Strip_Counts_Arriving_Lines()
    {
        // Given: the strip open, the keys back in the pane, and a notice from a key (n without a filter).
        using var viewer = new ViewerHarness();
        FeedErrorOnset(viewer);
        viewer.Press(new Key('T'));
        viewer.Press(Key.Tab);
        viewer.Press(new Key('n'));
        Assert.Equal("no filter: press / to type one", viewer.Program.State.Notice);

        // When: lines arrive and the strip counts them.
        viewer.Feed(Entries.At(61, "more"));
        Assert.Equal(121, viewer.Program.State.Timeline.Histogram.Lines);

        // Then: the notice stays until the next key, as it does for any arrival.
        Assert.Equal("no filter: press / to type one", viewer.Program.State.Notice);
    }

    [Fact]
    public void A_Click_Puts_The_Cursor_On_A_Bucket_And_A_Double_Click_Jumps_There()
    {
        // Given: the strip open (2 s buckets from 12:00:00), the keys back in the pane.
        using var viewer = new ViewerHarness();
        FeedErrorOnset(viewer);
        viewer.Press(new Key('T'));
        viewer.Press(Key.Tab);
        var column = 22 + TimelineStrip.Gutter + 20;

        // When: a press on the bars' column of bucket 20 (12:00:40).
        viewer.Mouse(column, 1, MouseFlags.LeftButtonPressed);

        // Then: the cursor is there and the strip has the keys.
        Assert.Equal(20, viewer.Program.State.Timeline.CursorBucket);
        Assert.True(viewer.Program.State.Timeline.Focused);
        Assert.Contains("12:00:40-12:00:42", viewer.Rows[0], StringComparison.Ordinal);

        // When: a double click there.
        viewer.Mouse(column, 1, MouseFlags.LeftButtonReleased);
        viewer.DoubleClick(column, 1);

        // Then: the pane is at the bucket's first entry, where the errors began.
        var state = viewer.Program.State;
        Assert.Equal("line 40", viewer.SelectedMessage);
        Assert.False(state.Following);
        Assert.False(state.Timeline.Focused);
    }

    [Fact]
    public void A_Pane_Opened_Over_The_Strip_Keeps_Its_Keys_And_Esc_Closes_It_Not_The_Strip()
    {
        // Given: the strip with the keys, and the detail pane opened over it by a double click on a line.
        using var viewer = new ViewerHarness();
        FeedErrorOnset(viewer);
        viewer.Press(new Key('T'));
        var row = viewer.RowOf("line 59");
        viewer.DoubleClick(40, row);
        Assert.True(viewer.Program.State.Detail.Open);
        Assert.True(viewer.Program.State.Timeline.Focused);

        // When: Esc.
        viewer.Press(Key.Esc);

        // Then: the detail pane closed; the strip is still open, with the keys.
        Assert.False(viewer.Program.State.Detail.Open);
        Assert.True(viewer.Program.State.Timeline is { Open: true, Focused: true });
        viewer.Press(new Key('h'));
        Assert.Equal(viewer.Program.State.Timeline.Histogram.Count - 2, viewer.Program.State.Timeline.CursorBucket);
    }

    [Fact]
    public void A_Bad_Timeline_Argument_Is_Refused_With_A_Reason()
    {
        using var viewer = new ViewerHarness();
        viewer.Command("timeline sideways");
        Assert.Contains("timeline sideways: expected on, off", viewer.Screen, StringComparison.Ordinal);
        Assert.False(viewer.Program.State.Timeline.Open);
    }
}
