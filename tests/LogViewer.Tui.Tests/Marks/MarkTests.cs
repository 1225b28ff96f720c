using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Marks;

public sealed class MarkTests
{
    [Fact]
    public void Marks_Survive_A_Refilter_And_Late_Lines_And_U_Visits_Them()
    {
        // Given ten lines with lines 2 and 7 marked
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 10));
        viewer.Press(new Key('g'));
        viewer.Press(new Key('j'));
        viewer.Press(new Key('j'));
        viewer.Press(new Key('m'));
        for (var i = 0; i < 5; i++)
        {
            viewer.Press(new Key('j'));
        }

        viewer.Press(new Key('m'));

        // When a filter hides line 2 (the quick filter narrows as it is typed), is discarded with Esc, and a late line lands before both
        viewer.Press(new Key('/'));
        viewer.Type("line 7");
        Assert.Single(Tui.Marks.MarkReducer.MarkedRows(viewer.Program.State));
        viewer.Press(Key.Esc);
        viewer.Feed([Entries.At(0, "late line")], lateCount: 1);

        // Then both marks are still on their lines: u and U go to them
        viewer.Press(new Key('g'));
        viewer.Press(new Key('u'));
        Assert.Equal("line 2", viewer.SelectedMessage);
        viewer.Press(new Key('u'));
        Assert.Equal("line 7", viewer.SelectedMessage);
        viewer.Press(new Key('u'));
        Assert.Equal("no later mark", viewer.Program.State.Notice);
        viewer.Press(new Key('U'));
        Assert.Equal("line 2", viewer.SelectedMessage);
    }

    [Fact]
    public void Marked_Rows_Are_Visibly_Marked()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 3));
        viewer.Press(new Key('g'));
        viewer.Press(new Key('m'));
        viewer.Press(new Key('j'));

        Assert.Contains("12:00:00.000*INF", viewer.Rows[viewer.RowOf("line 0")], StringComparison.Ordinal);
        Assert.Contains("12:00:01.000 INF", viewer.Rows[viewer.RowOf("line 1")], StringComparison.Ordinal);
    }
}
