using LogViewer.Tui.Prompt.Commands;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Xunit.Abstractions;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Tests.Prompt;

public sealed class PromptScreenTests(ITestOutputHelper output)
{
    [Fact]
    public void Colon_Opens_The_Prompt_And_Goto_Selects_The_First_Entry_At_Or_After_The_Time()
    {
        // Given 60 lines a second apart (12:00:00 .. 12:00:59)
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 60));

        // When ":goto 12:00:30.5" is typed
        viewer.Press(new Key(':'));
        viewer.Type("goto 12:00:30.5");
        Assert.Contains(":goto 12:00:30.5", viewer.Rows[22], StringComparison.Ordinal);
        viewer.Press(Key.Enter);
        output.WriteLine(viewer.Screen);

        // Then line 31 is selected, at the top of the pane, and the prompt is closed
        Assert.Equal("line 31", viewer.SelectedMessage);
        Assert.Contains("line 31", viewer.PaneRows()[0], StringComparison.Ordinal);
        Assert.False(viewer.Program.State.Prompt.Open);
        Assert.DoesNotContain(":goto", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Goto_Relative_To_The_Newest_Line()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 60));

        viewer.Command("goto -10s");

        Assert.Equal("line 49", viewer.SelectedMessage);
    }

    [Fact]
    public void A_Refused_Command_Shows_Its_Error_In_Place_In_Red_And_Keeps_The_Text()
    {
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Entries.Numbered(0, 5));

        viewer.Command("goto noon");
        output.WriteLine(viewer.Screen);

        var row = viewer.Rows[22];
        Assert.Contains(":goto noon", row, StringComparison.Ordinal);
        Assert.Contains("goto noon: expected HH:MM", row, StringComparison.Ordinal);
        var column = row.IndexOf("goto noon: expected", StringComparison.Ordinal);
        Assert.Equal(new Color(ColorName16.BrightRed), viewer.CellAt(22, column).Attribute!.Value.Foreground);
        Assert.True(viewer.Program.State.Prompt.Open);

        // Fixing it in place runs it
        foreach (var _ in "noon")
        {
            viewer.Press(Key.Backspace);
        }

        viewer.Type("12:00:02");
        viewer.Press(Key.Enter);
        Assert.Equal("line 2", viewer.SelectedMessage);
    }

    [Fact]
    public void Up_And_Down_Walk_The_History_And_Give_Back_The_Draft()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 60));
        viewer.Command("goto 12:00:10");
        viewer.Command("goto 12:00:20");

        viewer.Press(new Key(':'));
        viewer.Type("goto 12:00:4");
        viewer.Press(Key.CursorUp);
        Assert.Equal("goto 12:00:20", viewer.Program.State.Prompt.Text);
        viewer.Press(Key.CursorUp);
        Assert.Equal("goto 12:00:10", viewer.Program.State.Prompt.Text);
        Assert.Contains(":goto 12:00:10", viewer.Rows[22], StringComparison.Ordinal);
        viewer.Press(Key.CursorDown);
        viewer.Press(Key.CursorDown);
        Assert.Equal("goto 12:00:4", viewer.Program.State.Prompt.Text);

        // Up again and Enter reruns a past command
        viewer.Press(Key.CursorUp);
        viewer.Press(Key.Enter);
        Assert.Equal("line 20", viewer.SelectedMessage);
    }

    [Fact]
    public void Tab_Completes_The_Command_Name_On_Screen()
    {
        using var viewer = new ViewerHarness();

        viewer.Press(new Key(':'));
        viewer.Type("go");
        viewer.Press(Key.Tab);
        viewer.Type("12:00");

        Assert.Equal("goto 12:00", viewer.Program.State.Prompt.Text);
        Assert.Contains(":goto 12:00", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_Closes_The_Prompt_And_Keys_Work_Again()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 30));

        viewer.Press(new Key(':'));
        viewer.Type("g");
        viewer.Press(Key.Esc);
        viewer.Press(new Key('g'));

        Assert.False(viewer.Program.State.Prompt.Open);
        Assert.Equal("line 0", viewer.SelectedMessage);
    }

    [Fact]
    public void Help_Command_Opens_The_Overlay_Listing_The_Commands()
    {
        using var viewer = new ViewerHarness(width: 120, height: 60);

        viewer.Command("help");
        output.WriteLine(viewer.Screen);

        Assert.True(viewer.Program.State.HelpVisible);
        Assert.Contains(viewer.Rows, r => r.Contains(":goto TIME", StringComparison.Ordinal));
        Assert.Contains(viewer.Rows, r => r.Contains(":write! PATH", StringComparison.Ordinal));
        Assert.Equal(CommandRegistry.All.Count, CommandRegistry.HelpLines().Count);
    }

    [Fact]
    public void Goto_On_An_Empty_View_Says_So()
    {
        using var viewer = new ViewerHarness();

        viewer.Command("goto 12:00");

        Assert.Equal("no entries to go to", viewer.Program.State.Notice);
    }
}
