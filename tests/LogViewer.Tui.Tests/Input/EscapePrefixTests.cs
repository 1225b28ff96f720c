using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Input;

/// <summary>
/// Esc then a key within Terminal.Gui's 50 ms escape window reaches the app as Alt+key (how terminals send Alt); the
/// viewer binds no Alt key, so it must act as Esc and then the key.
/// </summary>
public sealed class EscapePrefixTests
{
    [Fact]
    public void Esc_Then_q_Bunched_Closes_Help_And_Quits()
    {
        using var viewer = new ViewerHarness();
        viewer.Press(new Key('?'));
        Assert.True(viewer.Program.State.HelpVisible);

        viewer.Press(Key.Q.WithAlt);

        Assert.False(viewer.Program.State.HelpVisible);
        Assert.True(viewer.Program.Root.StopRequested);
    }

    [Fact]
    public void Esc_Then_k_Bunched_Clears_The_Filter_Then_Moves_Up()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 30));
        viewer.Press(new Key('/'));
        viewer.Type("line 2");
        viewer.Press(Key.Enter);
        Assert.Equal("line 2", viewer.Program.State.FilterText);

        viewer.Press(Key.K.WithAlt);

        Assert.Equal(string.Empty, viewer.Program.State.FilterText);
        Assert.False(viewer.Program.State.Following);
    }

    [Fact]
    public void Esc_Then_Key_While_Typing_A_Filter_Closes_It_And_The_Key_Acts()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 30));
        viewer.Press(new Key('/'));
        viewer.Type("line");

        viewer.Press(Key.G.WithAlt.WithShift);

        Assert.False(viewer.Program.State.EditingFilter);
        Assert.Equal(string.Empty, viewer.Program.State.FilterText);
        Assert.True(viewer.Program.State.Following);
    }
}
