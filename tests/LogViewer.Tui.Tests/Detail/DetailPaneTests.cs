using LogViewer.Core.Model;
using LogViewer.Tui.Detail;
using LogViewer.Tui.State;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Detail;

public sealed class DetailPaneTests(ITestOutputHelper output)
{
    [Fact]
    public void Enter_Shows_Every_Field_And_Esc_Returns_Exactly_Where_You_Were()
    {
        // Given lines, one with a request id, selected in the middle of the pane
        using var viewer = new ViewerHarness(width: 120, height: 30);
        viewer.Feed([.. Entries.Numbered(0, 10), Entries.At(10, "request done", LogLevel.Warning, "r-beta") with { RequestId = "req-42" }, .. Entries.Numbered(11, 40)]);
        viewer.Command("goto 12:00:05");
        for (var i = 0; i < 5; i++)
        {
            viewer.Press(new Key('j'));
        }

        var before = (viewer.Program.State.TopRow, viewer.Program.State.SelectedRow);
        var pane = viewer.PaneRows();

        // When Enter opens the detail pane
        viewer.Press(Key.Enter);
        output.WriteLine(viewer.Screen);

        // Then it shows the nanosecond time, UTC and local forms, level, replica and request id
        var screen = viewer.Screen;
        Assert.Contains(Entries.At(10, "").TimestampNanos + " ns", screen, StringComparison.Ordinal);
        Assert.Contains("2026-01-01T12:00:10.000000000Z", screen, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 12:00:10.000000000 +00:00", screen, StringComparison.Ordinal);
        Assert.Contains("WARNING", screen, StringComparison.Ordinal);
        Assert.Contains("r-beta", screen, StringComparison.Ordinal);
        Assert.Contains("req-42", screen, StringComparison.Ordinal);

        // And Esc (or q) closes it, leaving the pane exactly as it was
        viewer.Press(Key.Esc);
        Assert.False(viewer.Program.State.Detail.Open);
        Assert.Equal(before, (viewer.Program.State.TopRow, viewer.Program.State.SelectedRow));
        Assert.Equal(pane, viewer.PaneRows());
        viewer.Press(Key.Enter);
        viewer.Press(new Key('q'));
        Assert.False(viewer.Program.State.Detail.Open);
        Assert.Equal(pane, viewer.PaneRows());
    }

    [Fact]
    public void A_100_KB_Line_Is_Wrapped_And_Scrolls_To_Its_End()
    {
        // Given one line of 100 KB: numbered 10-character words, so every part of it can be found
        var words = Enumerable.Range(0, 10_000).Select(i => $"w{i:D8} ").ToArray();
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed(Entries.At(1, string.Concat(words)));

        // When it is opened and scrolled
        viewer.Press(Key.Enter);
        Assert.Contains("w00000000", viewer.Screen, StringComparison.Ordinal);
        viewer.Press(Key.PageDown);
        var afterPage = viewer.Program.State.Detail.Scroll;
        viewer.Press(new Key('G'));
        output.WriteLine(viewer.Screen);

        // Then a page moves a screenful, and G shows the end of the line; k moves up from there at once, g goes back
        Assert.True(afterPage > 20, $"scrolled {afterPage}");
        Assert.Contains("w00009999", viewer.Screen, StringComparison.Ordinal);
        Assert.True(viewer.Program.State.Detail.TextRows > 1000, $"{viewer.Program.State.Detail.TextRows} rows");
        var end = viewer.Program.State.Detail.Scroll;
        viewer.Press(new Key('k'));
        Assert.Equal(end - 1, viewer.Program.State.Detail.Scroll);
        viewer.Press(new Key('g'));
        Assert.Contains("w00000000", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Json_Message_Is_Pretty_Printed_With_Indentation()
    {
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed(Entries.At(1, """{"event":"checkpoint","step":1200,"metrics":{"loss":0.25}}"""));

        viewer.Press(Key.Enter);
        output.WriteLine(viewer.Screen);

        var rows = viewer.Rows;
        Assert.Contains(rows, r => r.Contains("  \"event\": \"checkpoint\",", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("    \"loss\": 0.25", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Message_Holding_Newlines_Shows_Each_On_Its_Own_Row()
    {
        var rows = DetailText.RowsFor(
            new DetailState { Open = true, Lines = [new Core.Store.LogRow(1, 0, LogLevel.Error, null, null, "first\nsecond\u001b[31m red\u001b[0m")] },
            80,
            TimeZoneInfo.Utc);

        Assert.Equal("first", rows[^2]);
        Assert.Equal("second red", rows[^1]);
    }
}
