using LogViewer.Core.Model;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Xunit.Abstractions;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Tests.Views;

public sealed class RenderingTests(ITestOutputHelper output)
{
    [Fact]
    public void Paused_Pane_Is_Not_Redrawn_When_Lines_Arrive_Below_It()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 100));
        viewer.Press(Key.PageUp);

        viewer.Deliver(Entries.Numbered(100, 5));

        Assert.False(viewer.Program.Root.Log.NeedsDraw);
        Assert.Equal(5, viewer.Program.State.NewWhilePaused);
    }

    [Fact]
    public void Following_Pane_Is_Redrawn_When_Lines_Arrive()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 100));

        viewer.Deliver(Entries.Numbered(100, 5));

        Assert.True(viewer.Program.Root.Log.NeedsDraw);
    }

    [Fact]
    public void Wrap_Shows_A_Long_Message_On_Several_Rows_Under_The_Message_Column()
    {
        using var viewer = new ViewerHarness(width: 60, height: 12);
        var message = string.Concat(Enumerable.Range(0, 12).Select(i => $"word{i:00}xxxx "));
        viewer.Feed(Entries.At(1, message));

        viewer.Press(Key.Z);
        output.WriteLine(viewer.Screen);

        // time 12 + badge 3 + replica 7 + three spaces: the message starts at column 25 and is 35 wide.
        var first = viewer.RowOf("word00");
        var rows = viewer.Rows.Skip(first).Take(5).ToArray();
        Assert.All(rows[1..], row => Assert.StartsWith(new string(' ', 25), row, StringComparison.Ordinal));
        Assert.Equal(message.TrimEnd(), string.Concat(rows.Select(row => row[25..])).TrimEnd());
    }

    [Fact]
    public void Sixteen_Colour_Terminal_Keeps_Badges_Readable_By_Their_Letters()
    {
        using var viewer = new ViewerHarness(sixteenColours: true);

        viewer.Feed(Entries.At(1, "bad", LogLevel.Error), Entries.At(2, "fine", LogLevel.Info));

        var row = viewer.RowOf("bad");
        var column = viewer.Rows[row].IndexOf("ERR", StringComparison.Ordinal);
        Assert.True(column >= 0, viewer.Screen);
        Assert.Equal(new Color(ColorName16.Red), viewer.CellAt(row, column).Attribute!.Value.Background);
        Assert.Contains("INF", viewer.Rows[viewer.RowOf("fine")], StringComparison.Ordinal);
    }

    [Fact]
    public void Initial_Filter_From_The_Session_Applies_At_Start()
    {
        using var viewer = new ViewerHarness(initialFilter: "/predict|metrics/");

        viewer.Feed(Entries.At(1, "GET /health"), Entries.At(2, "POST /predict"), Entries.At(3, "GET /metrics"));

        Assert.Equal(-1, viewer.RowOf("/health"));
        Assert.NotEqual(-1, viewer.RowOf("/predict"));
        Assert.Contains("filter: /predict|metrics/", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_Time_Format_Shows_Ages()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(48, "recent"));

        viewer.Press(Key.T);
        viewer.Press(Key.T);

        Assert.Contains("12s ago", viewer.Rows[viewer.RowOf("recent")], StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_Evicts_The_Oldest_And_The_Status_Counts_Them()
    {
        using var viewer = new ViewerHarness(width: 120, maxLines: 50);

        viewer.Feed(Entries.Numbered(0, 80));

        Assert.Contains("50 lines", viewer.Rows[23], StringComparison.Ordinal);
        Assert.Contains("30 evicted", viewer.Rows[23], StringComparison.Ordinal);
    }
}
