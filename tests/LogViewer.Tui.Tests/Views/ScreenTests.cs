using LogViewer.Core.Filtering;
using LogViewer.Core.Store;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Xunit.Abstractions;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Tests.Views;

public sealed class ScreenTests(ITestOutputHelper output)
{
    [Fact]
    public void Lines_Show_Time_Badge_Replica_And_Message()
    {
        using var viewer = new ViewerHarness();

        viewer.Feed(Entries.At(1, "model loaded", LogLevel.Info, "r-alpha"), Entries.At(2, "disk full", LogLevel.Error, "r-beta"));
        output.WriteLine(viewer.Screen);

        var info = viewer.RowOf("model loaded");
        var error = viewer.RowOf("disk full");
        Assert.Contains("12:00:01.000 INF r-alpha model loaded", viewer.Rows[info], StringComparison.Ordinal);
        Assert.Contains("12:00:02.000 ERR r-beta  disk full", viewer.Rows[error], StringComparison.Ordinal);
    }

    [Fact]
    public void Badges_Have_Distinct_Sixteen_Colour_Backgrounds_And_No_Level_Is_Blank()
    {
        using var viewer = new ViewerHarness();

        viewer.Feed(
            Entries.At(1, "d", LogLevel.Debug), Entries.At(2, "i", LogLevel.Info), Entries.At(3, "w", LogLevel.Warning),
            Entries.At(4, "e", LogLevel.Error), Entries.At(5, "plain", LogLevel.None));

        var badgeColumn = viewer.Rows[0].IndexOf("DBG", StringComparison.Ordinal);
        Assert.True(badgeColumn > 0, viewer.Screen);
        Color Background(int row) => viewer.CellAt(row, badgeColumn).Attribute!.Value.Background;
        Assert.Equal(new Color(ColorName16.Blue), Background(0));
        Assert.Equal(new Color(ColorName16.Green), Background(1));
        Assert.Equal(new Color(ColorName16.Yellow), Background(2));
        Assert.Equal(new Color(ColorName16.Red), Background(3));
        Assert.Equal("WRN", viewer.Rows[2].Substring(badgeColumn, 3));
        Assert.Equal("   ", viewer.Rows[4].Substring(badgeColumn, 3));
    }

    [Fact]
    public void Sidebar_Lists_All_And_Every_Replica_In_Its_Pane_Colour()
    {
        using var viewer = new ViewerHarness();

        viewer.Feed(Entries.At(1, "a1", replica: "r-alpha"), Entries.At(2, "b1", replica: "r-beta"), Entries.At(3, "a2", replica: "r-alpha"));
        output.WriteLine(viewer.Screen);

        Assert.Contains("Replicas", viewer.Rows[0], StringComparison.Ordinal);
        Assert.Contains("* all", viewer.Rows[1], StringComparison.Ordinal);
        // The sidebar's cells: the name, then its line count and its rate, not a digit anywhere in the row
        Assert.Matches(@"\* all +3 \d+/s", viewer.Rows[1][..22]);
        var alphaRow = Array.FindIndex(viewer.Rows, r => r[..22].Contains("r-alpha", StringComparison.Ordinal));
        Assert.Matches(@"r-alpha +2 \d+/s", viewer.Rows[alphaRow][..22]);
        var sidebarColumn = viewer.Rows[alphaRow].IndexOf("r-alpha", StringComparison.Ordinal);
        var paneRow = viewer.RowOf("a1");
        var paneColumn = viewer.Rows[paneRow].IndexOf("r-alpha", StringComparison.Ordinal);
        Assert.Equal(
            viewer.CellAt(alphaRow, sidebarColumn).Attribute!.Value.Foreground,
            viewer.CellAt(paneRow, paneColumn).Attribute!.Value.Foreground);
    }

    [Fact]
    public void Status_Bar_Shows_Target_Tail_State_Counts_And_Follow()
    {
        using var viewer = new ViewerHarness(width: 120);

        viewer.Status(new TailStatus(TailState.Live, viewer.Time.Now, "live") { LastPollAt = viewer.Time.Now.AddSeconds(-3) });
        viewer.Feed(Entries.Numbered(0, 5));

        var status = viewer.Rows[23];
        Assert.Contains("model m1 / deployment d1", status, StringComparison.Ordinal);
        Assert.Contains("live, polled 3s ago", status, StringComparison.Ordinal);
        Assert.Contains("5 lines", status, StringComparison.Ordinal);
        Assert.Contains("FOLLOW", status, StringComparison.Ordinal);
    }

    [Fact]
    public void Retrying_Status_Says_Why_And_When()
    {
        using var viewer = new ViewerHarness(width: 120);

        viewer.Status(new TailStatus(TailState.Retrying, viewer.Time.Now, "429") { Reason = RetryReason.RateLimited, RetryAt = viewer.Time.Now.AddSeconds(12) });

        Assert.Contains("retrying in 12s: rate limited", viewer.Rows[23], StringComparison.Ordinal);
    }

    [Fact]
    public void Following_Shows_The_Newest_Lines_As_They_Arrive()
    {
        using var viewer = new ViewerHarness();

        viewer.Feed(Entries.Numbered(0, 50));
        viewer.Feed(Entries.Numbered(50, 10));

        Assert.Contains("line 59", viewer.Rows[21], StringComparison.Ordinal);
        Assert.Equal(-1, viewer.RowOf("line 37 "));
    }

    [Fact]
    public void Scrolling_Up_Pauses_And_Counts_New_Lines_Without_Moving_The_View()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 50));

        viewer.Press(Key.K);
        viewer.Press(Key.PageUp);
        var before = viewer.PaneRows();
        viewer.Feed(Entries.Numbered(50, 7));

        Assert.Equal(before, viewer.PaneRows());
        Assert.Contains("PAUSED 7 new", viewer.Rows[23], StringComparison.Ordinal);

        viewer.Press(Key.G.WithShift);

        Assert.Contains("line 56", viewer.Rows[21], StringComparison.Ordinal);
        Assert.Contains("FOLLOW", viewer.Rows[23], StringComparison.Ordinal);
    }

    [Fact]
    public void Late_Lines_Inserted_Above_The_Viewport_Do_Not_Move_What_Is_Read()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(100, 100));
        viewer.Press(Key.Home);
        for (var i = 0; i < 30; i++)
        {
            viewer.Press(Key.J);
        }

        var before = viewer.PaneRows();

        viewer.Feed(Entries.Numbered(10, 20), lateCount: 20);

        Assert.Equal(before, viewer.PaneRows());
        Assert.Equal(120, viewer.Program.State.Figures.Held);
    }

    [Fact]
    public void Typing_A_Filter_Narrows_The_Lines_Enter_Keeps_It_As_A_Rule()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "GET /health 200"), Entries.At(2, "POST /predict 500"), Entries.At(3, "GET /metrics 200"));

        viewer.Press(new Key('/'));
        viewer.Type("get");
        output.WriteLine(viewer.Screen);

        Assert.NotEqual(-1, viewer.RowOf("GET /health"));
        Assert.NotEqual(-1, viewer.RowOf("GET /metrics"));
        Assert.Equal(-1, viewer.RowOf("POST /predict"));
        Assert.Contains("2/3 lines", viewer.Rows[23], StringComparison.Ordinal);

        // Enter keeps it as an in-rule: Esc then clears only the highlight, and the rule goes on narrowing.
        viewer.Press(Key.Enter);
        Assert.Contains("kept as rule 1: in get", viewer.Rows[22], StringComparison.Ordinal);
        viewer.Press(Key.Esc);
        Assert.Equal(-1, viewer.RowOf("POST /predict"));
        Assert.Contains("filter: 1 rule", viewer.Rows[22], StringComparison.Ordinal);

        // A second quick filter is one more in-rule (any in-rule shows a line); Esc in the input discards it.
        viewer.Press(new Key('/'));
        viewer.Type("predict");
        Assert.NotEqual(-1, viewer.RowOf("POST /predict"));
        Assert.NotEqual(-1, viewer.RowOf("GET /health"));
        viewer.Press(Key.Esc);
        Assert.Equal(-1, viewer.RowOf("POST /predict"));
    }

    [Fact]
    public void Matches_Are_Highlighted_Inside_Lines()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "alpha needle omega"));

        viewer.Press(new Key('/'));
        viewer.Type("needle");
        viewer.Press(Key.Enter);

        var row = viewer.RowOf("alpha needle");
        var column = viewer.Rows[row].IndexOf("needle", StringComparison.Ordinal);
        Assert.Equal(new Color(ColorName16.BrightCyan), viewer.CellAt(row, column).Attribute!.Value.Background);
        Assert.NotEqual(new Color(ColorName16.BrightCyan), viewer.CellAt(row, column - 2).Attribute!.Value.Background);
    }

    [Fact]
    public void Invalid_Regex_Is_Shown_In_Place()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "x"));

        viewer.Press(new Key('/'));
        viewer.Type("/a(b");

        Assert.Contains("invalid regular expression", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Level_Key_Cycles_The_Minimum_Level()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "dbg", LogLevel.Debug), Entries.At(2, "inf", LogLevel.Info), Entries.At(3, "wrn", LogLevel.Warning), Entries.At(4, "err", LogLevel.Error));

        viewer.Press(Key.L.WithShift);
        viewer.Press(Key.L.WithShift);
        viewer.Press(Key.L.WithShift);

        Assert.Equal(-1, viewer.RowOf("inf"));
        Assert.NotEqual(-1, viewer.RowOf("wrn"));
        Assert.Contains("level >= WARNING", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void E_Jumps_Between_Errors_And_N_Between_Matches()
    {
        using var viewer = new ViewerHarness();
        var entries = Entries.Numbered(0, 100);
        entries[20] = Entries.At(20, "first failure", LogLevel.Error);
        entries[70] = Entries.At(70, "second failure", LogLevel.Error);
        viewer.Feed(entries);
        viewer.Press(Key.Home);

        viewer.Press(Key.E);
        Assert.Equal(entries[20].Message, viewer.SelectedMessage);
        viewer.Press(Key.E);
        Assert.Equal(entries[70].Message, viewer.SelectedMessage);
        Assert.NotEqual(-1, viewer.RowOf("second failure"));
        viewer.Press(Key.E.WithShift);
        Assert.Equal(entries[20].Message, viewer.SelectedMessage);

        viewer.Press(Key.H.WithShift);
        viewer.Press(new Key('/'));
        viewer.Type("line 5");
        viewer.Press(Key.Enter);
        viewer.Press(Key.N);
        Assert.Equal(entries[50].Message, viewer.SelectedMessage);
        viewer.Press(Key.N);
        Assert.Equal(entries[51].Message, viewer.SelectedMessage);
        viewer.Press(Key.N.WithShift);
        Assert.Equal(entries[50].Message, viewer.SelectedMessage);
    }

    [Fact]
    public void Replica_Toggle_And_Isolate_Narrow_The_Lines()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "from alpha", replica: "r-alpha"), Entries.At(2, "from beta", replica: "r-beta"));

        viewer.Press(new Key(']'));
        viewer.Press(Key.X);
        Assert.Equal(-1, viewer.RowOf("from alpha"));
        Assert.NotEqual(-1, viewer.RowOf("from beta"));

        viewer.Press(Key.I);
        Assert.NotEqual(-1, viewer.RowOf("from alpha"));
        Assert.Equal(-1, viewer.RowOf("from beta"));
        Assert.Contains("only replica r-alpha", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_Sequences_In_Messages_Never_Reach_The_Screen()
    {
        using var viewer = new ViewerHarness();

        viewer.Feed(Entries.At(1, "\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u001b[0m\tafter\u009b1;1Hdone\u0007"));

        var screen = viewer.Screen;
        Assert.DoesNotContain("\u001b", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("␛", screen, StringComparison.Ordinal);
        Assert.Contains("red     afterdone", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Lists_Every_Key_And_Closes_With_Escape()
    {
        using var viewer = new ViewerHarness(width: 120, height: 40);

        viewer.Press(new Key('?'));
        output.WriteLine(viewer.Screen);
        Assert.Contains("Keys", viewer.Screen, StringComparison.Ordinal);
        foreach (var command in LogViewer.Tui.Viewer.KeyTable.Commands)
        {
            Assert.Contains(command.Description, viewer.Screen, StringComparison.Ordinal);
        }

        viewer.Press(Key.Esc);
        Assert.DoesNotContain("toggle this help", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Filled_Store_Is_Shown_As_Given_Through_Its_Base_Filter_And_Keys_Filter_Within_It()
    {
        // Given a store already holding a replayed file, and the replay's own filter (only "loss" lines)
        var store = new LogStore(1000);
        store.Add([Entries.At(1, "loss=0.9 step 1"), Entries.At(2, "checkpoint saved"), Entries.At(3, "loss=0.7 step 2", LogLevel.Warning)]);
        using var viewer = new ViewerHarness(store: store, baseFilter: new TextFilter("loss"));

        // Then the viewer shows that store's lines (not a copy) through the filter
        Assert.Contains("loss=0.9 step 1", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains("loss=0.7 step 2", viewer.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("checkpoint saved", viewer.Screen, StringComparison.Ordinal);
        Assert.Equal(3, viewer.Program.State.Figures.Held);

        // And a key's filter narrows within the base filter, never past it
        viewer.Press(new Key('L'));
        viewer.Press(new Key('L'));
        viewer.Press(new Key('L'));
        Assert.DoesNotContain("loss=0.9 step 1", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains("loss=0.7 step 2", viewer.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("checkpoint saved", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Q_Requests_Quit()
    {
        using var viewer = new ViewerHarness();

        viewer.Press(Key.Q);

        Assert.True(viewer.Program.Root.StopRequested);
    }

    [Fact]
    public void Ctrl_C_Quits_Also_While_Typing_A_Filter()
    {
        using var viewer = new ViewerHarness();
        viewer.Press(new Key('/'));
        viewer.Type("abc");

        viewer.Press(Key.C.WithCtrl);

        Assert.True(viewer.Program.Root.StopRequested);
    }

    [Fact]
    public void Small_Terminal_Hides_The_Sidebar_And_Still_Shows_Lines_And_Status()
    {
        using var viewer = new ViewerHarness(width: 40, height: 12);

        viewer.Feed(Entries.Numbered(0, 30));
        output.WriteLine(viewer.Screen);

        Assert.DoesNotContain("Replicas", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains("line 29", viewer.Rows[9], StringComparison.Ordinal);
        Assert.Contains("FOLLOW", viewer.Rows[11], StringComparison.Ordinal);

        viewer.Press(new Key('?'));
        viewer.Resize(100, 30);
        viewer.Resize(20, 5);
        viewer.Press(Key.Esc);
        viewer.Resize(80, 24);
        Assert.Contains("Replicas", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Horizontal_Scroll_Holds_When_Lines_Arrive()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "0123456789abcdefghijKEEP"));

        viewer.Press(Key.L);
        viewer.Press(Key.L);
        viewer.Feed(Entries.At(2, "0123456789abcdefghijMORE"));

        Assert.Contains("ghijKEEP", viewer.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("0123", viewer.Screen, StringComparison.Ordinal);
        viewer.Press(Key.D0);
        Assert.Contains("0123456789", viewer.Screen, StringComparison.Ordinal);
    }
}
