using LogViewer.Core.Model;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Grouping;

public sealed class EntryFoldingTests(ITestOutputHelper output)
{
    private static readonly string[] Traceback = GroupedLines.Traceback;

    private static readonly string[] Continued = ["config loaded:", "  lr=0.1", "  batch=32"];

    private static LogEntry[] Burst(int second, string replica, params string[] messages) => GroupedLines.Burst(second, replica, LogLevel.None, messages);

    private static int PaneRowOf(string[] pane, string text) => Array.FindIndex(pane, r => r.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void O_Collapses_The_Selected_Traceback_To_Its_First_And_Exception_Lines_With_A_Count_And_Expands_It_Again()
    {
        // Given a traceback between plain lines, selected with e
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed([.. Entries.Numbered(0, 3), .. Burst(5, "r-alpha", Traceback), .. Entries.Numbered(6, 3)]);
        viewer.Press(new Key('g'));
        viewer.Press(new Key('e'));

        // When o is pressed
        viewer.Press(new Key('o'));
        output.WriteLine(viewer.Screen);

        // Then the pane shows the first line, then the exception line marked +4, then the next entry
        var pane = viewer.PaneRows();
        Assert.Contains(Traceback[0], pane[0], StringComparison.Ordinal);
        Assert.Contains("+4 torch.OutOfMemoryError: CUDA out of memory", pane[1], StringComparison.Ordinal);
        Assert.Contains("line 6", pane[2], StringComparison.Ordinal);
        Assert.Equal(-1, PaneRowOf(pane, "train.py"));
        Assert.Equal("collapsed, 4 lines hidden (o expands)", viewer.Program.State.Notice);

        // And j steps over the collapsed entry, k comes back to it
        viewer.Press(new Key('j'));
        Assert.Equal("line 6", viewer.SelectedMessage);
        viewer.Press(new Key('k'));
        Assert.Equal(Traceback[0], viewer.SelectedMessage);

        // And o again shows every line
        viewer.Press(new Key('o'));
        pane = viewer.PaneRows();
        for (var i = 0; i < Traceback.Length; i++)
        {
            Assert.Contains(Traceback[i].Trim(), pane[i], StringComparison.Ordinal);
        }

        Assert.Equal(-1, PaneRowOf(pane, "+4"));
    }

    [Fact]
    public void Shift_O_Collapses_Every_Grouped_Entry_And_A_Continued_Message_Keeps_Its_First_Line_With_The_Count()
    {
        // Given a continued message and a traceback of another replica, following the newest line
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed([.. Entries.Numbered(0, 2), .. Burst(3, "r-alpha", Continued), .. Burst(4, "r-beta", Traceback), .. Entries.Numbered(5, 2)]);

        // When O is pressed
        viewer.Press(new Key('O'));
        output.WriteLine(viewer.Screen);

        // Then both collapse: the continued message to its first line with +2, the traceback to two lines with +4
        var pane = viewer.PaneRows();
        var config = PaneRowOf(pane, "+2 config loaded:");
        Assert.True(config >= 0, "the continued message shows its first line with +2");
        Assert.Equal(-1, PaneRowOf(pane, "lr=0.1"));
        Assert.Contains(Traceback[0], pane[config + 1], StringComparison.Ordinal);
        Assert.Contains("+4 torch.OutOfMemoryError", pane[config + 2], StringComparison.Ordinal);
        Assert.Contains("line 5", pane[config + 3], StringComparison.Ordinal);

        // And following still ends the pane with the newest line, no blank rows left by the hidden lines
        Assert.True(viewer.Program.State.Following);
        var last = PaneRowOf(pane, "line 6");
        Assert.True(last >= 0);
        Assert.Equal(-1, PaneRowOf(pane[(last + 1)..], "line"));

        // And O again expands everything
        viewer.Press(new Key('O'));
        Assert.True(PaneRowOf(viewer.PaneRows(), "lr=0.1") >= 0);
        Assert.True(PaneRowOf(viewer.PaneRows(), "train.py") >= 0);
    }

    [Fact]
    public void A_Collapsed_Entry_At_The_Bottom_Of_A_Full_Pane_Leaves_No_Gap_While_Following()
    {
        // Given more lines than the pane holds, ending with a traceback, all collapsed
        using var viewer = new ViewerHarness(width: 120, height: 12);
        viewer.Feed([.. Entries.Numbered(0, 30), .. Burst(40, "r-alpha", Traceback)]);

        viewer.Press(new Key('O'));
        output.WriteLine(viewer.Screen);

        // Then the pane's last rows are the collapsed traceback, and the rows above are filled with older lines
        var pane = viewer.PaneRows();
        var height = viewer.Program.State.PageHeight;
        Assert.Contains("+4 torch.OutOfMemoryError", pane[height - 1], StringComparison.Ordinal);
        Assert.Contains(Traceback[0], pane[height - 2], StringComparison.Ordinal);
        Assert.Contains("line 29", pane[height - 3], StringComparison.Ordinal);
    }

    [Fact]
    public void O_On_A_Single_Line_Says_It_Is_Not_Grouped()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 3));

        viewer.Press(new Key('o'));

        Assert.StartsWith("not a grouped entry", viewer.Program.State.Notice, StringComparison.Ordinal);
    }
}
