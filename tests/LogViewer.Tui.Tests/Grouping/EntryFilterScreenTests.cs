using LogViewer.Core.Model;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Grouping;

/// <summary>Filters match entries: the pane shows a whole traceback when any of its lines matches.</summary>
public sealed class EntryFilterScreenTests(ITestOutputHelper output)
{
    private static readonly string[] Traceback = GroupedLines.Traceback;

    [Fact]
    public void An_In_Rule_On_The_Exception_Line_Shows_The_Whole_Traceback_Even_When_It_Arrives_Later()
    {
        // Given: plain lines and a traceback whose exception line has not arrived yet, filtered on that exception
        using var viewer = new ViewerHarness(width: 120, height: 30);
        var traceback = GroupedLines.Burst(40, "r-alpha", LogLevel.None, Traceback);
        viewer.Feed([.. Entries.Numbered(0, 20), .. traceback[..^1]]);
        viewer.Command("filter-in CUDA");
        Assert.Equal(-1, viewer.RowOf("Traceback (most recent call last)"));

        // When: the exception line arrives with the next poll
        viewer.Feed(traceback[^1]);
        output.WriteLine(viewer.Screen);

        // Then: the pane shows every line of the traceback, grouped under its first line, and no other line
        var pane = viewer.PaneRows();
        for (var i = 0; i < Traceback.Length; i++)
        {
            Assert.Contains(Traceback[i].Trim(), pane[i], StringComparison.Ordinal);
        }

        Assert.Contains("ERR", pane[0], StringComparison.Ordinal);
        Assert.Equal(-1, viewer.RowOf("line 1 "));
    }

    [Fact]
    public void Level_Error_Shows_A_Levelless_Traceback_Whole_And_An_Out_Rule_On_A_Frame_Hides_It_Whole()
    {
        // Given: info lines and a traceback whose lines carry no level
        using var viewer = new ViewerHarness(width: 120, height: 30);
        viewer.Feed([.. Entries.Numbered(0, 10), .. GroupedLines.Burst(40, "r-alpha", LogLevel.None, Traceback), .. Entries.Numbered(41, 5)]);

        // When: only errors are shown
        viewer.Command("level error");
        output.WriteLine(viewer.Screen);

        // Then: all of the traceback is there
        foreach (var line in Traceback)
        {
            Assert.True(viewer.RowOf(line.Trim()) >= 0, line);
        }

        // And: with the level back to all and an out-rule on one frame line, none of it is
        viewer.Command("level all");
        viewer.Command("filter-out line 17");
        output.WriteLine(viewer.Screen);
        foreach (var line in Traceback)
        {
            Assert.Equal(-1, viewer.RowOf(line.Trim()));
        }

        Assert.True(viewer.RowOf("line 41") >= 0);
    }
}
