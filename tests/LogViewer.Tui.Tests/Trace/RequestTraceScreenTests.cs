using LogViewer.Core.Model;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Trace;

/// <summary>The request trace where the server is not asked (training jobs, replay), and the <c>I</c> column.</summary>
public sealed class RequestTraceScreenTests(ITestOutputHelper output)
{
    private const string Request = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private static LogEntry Line(int second, string message, string? request, string replica = "r-alpha") =>
        Entries.At(second, message, LogLevel.Info, replica) with { RequestId = request };

    [Fact]
    public void Without_A_Server_The_Trace_Is_Every_Held_Line_Of_The_Request_Even_Those_The_Filters_Hide()
    {
        // Given: a request's lines across two replicas, other lines between them, and a filter that hides one of its lines
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Line(1, "start work", Request), Line(2, "unrelated", null), Line(3, "middle step", Request, "r-beta"), Line(5, "done work", Request));
        viewer.Command("filter-out middle");
        viewer.Press(new Key('g'));

        // When: r is pressed on its first line
        viewer.Press(new Key('r'));
        output.WriteLine(viewer.Screen);

        // Then: all three lines show in time order with their offsets, and the note says the server was not asked
        var trace = viewer.Program.State.Trace;
        Assert.Equal(["start work", "middle step", "done work"], trace.Lines.Select(l => l.Message));
        Assert.StartsWith("3 held lines (the server is not asked", trace.Note, StringComparison.Ordinal);
        Assert.Contains("+0.000s", viewer.Rows[viewer.RowOf("start work")], StringComparison.Ordinal);
        Assert.Contains("+2.000s", viewer.Rows[viewer.RowOf("middle step")], StringComparison.Ordinal);
        Assert.Contains("+4.000s", viewer.Rows[viewer.RowOf("done work")], StringComparison.Ordinal);
        Assert.Equal(-1, viewer.RowOf("unrelated"));

        // And: keys other than the trace's do nothing to the pane behind it; q returns
        viewer.Press(new Key('e'));
        viewer.Press(new Key('q'));
        Assert.False(viewer.Program.State.Trace.Open);
        Assert.Equal("start work", viewer.SelectedMessage);
    }

    [Fact]
    public void R_On_A_Line_Without_A_Request_Id_Says_So()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Line(1, "plain", null));

        viewer.Press(new Key('r'));

        Assert.False(viewer.Program.State.Trace.Open);
        Assert.StartsWith("this entry has no request id", viewer.Program.State.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void R_In_The_Detail_Pane_Traces_Its_Request_And_Esc_Goes_Back_To_The_Detail_Pane()
    {
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Line(1, "start work", Request), Line(2, "done work", Request));
        viewer.Press(new Key('g'));
        viewer.Press(Key.Enter);
        Assert.Contains("(r traces this request)", viewer.Screen, StringComparison.Ordinal);

        viewer.Press(new Key('r'));
        Assert.True(viewer.Program.State.Trace.Open);
        viewer.Press(Key.Esc);

        Assert.False(viewer.Program.State.Trace.Open);
        Assert.True(viewer.Program.State.Detail.Open);
    }

    [Fact]
    public void I_Shows_A_Short_Request_Id_Column_When_The_Pane_Is_Wide_Enough()
    {
        // Given: a line with a request id and one without, on a wide screen
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Line(1, "with request", Request), Line(2, "without request", null));
        Assert.Equal(-1, viewer.RowOf("a1b2c3d4"));

        // When: I is pressed
        viewer.Press(new Key('I'));
        output.WriteLine(viewer.Screen);

        // Then: the id's first eight characters stand before the message, a dash where there is none
        Assert.Contains("a1b2c3d4 with request", viewer.Rows[viewer.RowOf("with request")], StringComparison.Ordinal);
        Assert.DoesNotContain("a1b2c3d4e", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains("-        without request", viewer.Rows[viewer.RowOf("without request")], StringComparison.Ordinal);

        // And: on a narrow screen the column stays off so the message keeps its room
        viewer.Resize(72, 24);
        Assert.Equal(-1, viewer.RowOf("a1b2c3d4"));
        Assert.True(viewer.RowOf("with request") >= 0);

        // And: I again hides it
        viewer.Resize(120, 24);
        viewer.Press(new Key('I'));
        Assert.Equal(-1, viewer.RowOf("a1b2c3d4"));
    }
}
