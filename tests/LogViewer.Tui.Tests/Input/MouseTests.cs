using System.Drawing;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Input;

/// <summary>The mouse in the headless viewer: events go in where Terminal.Gui's driver delivers them.</summary>
public sealed class MouseTests
{
    [Fact]
    public void Wheel_Up_Scrolls_Up_Three_Lines_And_Pauses_Follow_As_k_Does()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 50));
        Assert.True(viewer.Program.State.Following);

        Mouse(viewer, 40, 5, MouseFlags.WheeledUp);

        Assert.False(viewer.Program.State.Following);
        Assert.Equal(46, viewer.Program.State.SelectedRow);
    }

    [Fact]
    public void Wheel_Down_Back_To_The_End_Follows_Again()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 50));
        Mouse(viewer, 40, 5, MouseFlags.WheeledUp);

        Mouse(viewer, 40, 5, MouseFlags.WheeledDown);

        Assert.True(viewer.Program.State.Following);
    }

    [Fact]
    public void Click_Selects_The_Entry_Drawn_On_That_Row()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 50));
        var row = viewer.RowOf("line 40");
        Assert.True(row >= 0, viewer.Screen);

        Mouse(viewer, 40, row, MouseFlags.LeftButtonPressed);

        Assert.False(viewer.Program.State.Following);
        Assert.Equal("line 40", viewer.SelectedMessage);
    }

    [Fact]
    public void Click_On_A_Sidebar_Replica_Hides_It_And_Again_Shows_It()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "from alpha", replica: "r-alpha"), Entries.At(2, "from beta", replica: "r-beta"));
        var betaRow = Array.FindIndex(viewer.Rows, r => r[..22].Contains("r-beta", StringComparison.Ordinal));

        Mouse(viewer, 5, betaRow, MouseFlags.LeftButtonPressed);

        Assert.Contains("r-beta", viewer.Program.State.HiddenReplicas);
        Assert.Equal(-1, viewer.RowOf("from beta"));
        Mouse(viewer, 5, betaRow, MouseFlags.LeftButtonPressed);
        Assert.Empty(viewer.Program.State.HiddenReplicas);
        Assert.True(viewer.RowOf("from beta") >= 0, viewer.Screen);
    }

    [Fact]
    public void M_Turns_The_Mouse_Off_So_The_Wheel_Does_Nothing_And_On_Again()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 50));

        viewer.Press(Key.M.WithShift);

        Assert.False(viewer.Program.State.MouseEnabled);
        Assert.True(viewer.App.Mouse.IsMouseDisabled);
        Assert.Contains("mouse off", viewer.Screen, StringComparison.Ordinal);
        Mouse(viewer, 40, 5, MouseFlags.WheeledUp);
        Assert.True(viewer.Program.State.Following);
        viewer.Press(Key.M.WithShift);
        Assert.True(viewer.Program.State.MouseEnabled);
        Assert.False(viewer.App.Mouse.IsMouseDisabled);
    }

    [Fact]
    public void No_Mouse_Session_Starts_With_The_Mouse_Off()
    {
        using var viewer = new ViewerHarness(mouse: false);

        Assert.False(viewer.Program.State.MouseEnabled);
        Assert.True(viewer.App.Mouse.IsMouseDisabled);
    }

    private static void Mouse(ViewerHarness viewer, int x, int y, MouseFlags flags)
    {
        viewer.App.Mouse.RaiseMouseEvent(new Mouse { ScreenPosition = new Point(x, y), Flags = flags });
        viewer.Settle();
    }
}
