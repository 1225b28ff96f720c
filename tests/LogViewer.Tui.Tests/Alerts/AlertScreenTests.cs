using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Tail;
using LogViewer.Tui.State;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Alerts;

/// <summary>
/// Alert rules as a user sees them in a headless terminal: the bytes of the notification, the '!' marker on matched
/// lines, the rule panel's alert rows with their hits (and d deleting one), and <c>:alerts</c> going to a line.
/// </summary>
public sealed class AlertScreenTests(ITestOutputHelper output)
{
    private const string Bel = "\u0007";
    private const string Esc = "\u001b";

    private static ViewerHarness Live(NotifyMode notify = NotifyMode.End, params string[] alerts)
    {
        var viewer = new ViewerHarness(width: 100, height: 30, notify: notify, configure: s => s with { Alerts = [.. alerts.Select(RulePattern.Parse)] });
        viewer.Feed(Entries.At(0, "Traceback (most recent call last): in the history, not news"));
        viewer.Status(new TailStatus(TailState.Live, Entries.Start.AddSeconds(1), "Live."));
        return viewer;
    }

    [Fact]
    public void An_Alert_From_The_Command_Line_Rings_And_Sends_Osc9_For_A_New_Line_Only()
    {
        // Given --alert Traceback, a viewer whose history held a traceback
        using var viewer = Live(NotifyMode.End, "Traceback");
        Assert.Equal(string.Empty, viewer.TerminalOutput.ToString());

        // When a new traceback arrives
        viewer.Feed(Entries.At(5, "step 12 loss 0.4"), Entries.At(6, "Traceback (most recent call last):", LogLevel.Error));

        // Then the bell and one OSC 9 name the rule and the line
        Assert.Equal($"{Bel}{Esc}]9;LogViewer: deployment d1: alert Traceback: Traceback (most recent call last):{Bel}", viewer.TerminalOutput.ToString());
    }

    [Fact]
    public void Matched_Lines_Carry_The_Alert_Marker_And_The_Panel_Lists_The_Rules_With_Their_Hits()
    {
        // Given an alert added with :alert and two matching lines among others
        using var viewer = Live();
        viewer.Command("alert /loss=(nan|inf)/");
        Assert.Contains("alert /loss=(nan|inf)/: new lines that match notify", viewer.Screen, StringComparison.Ordinal);
        viewer.Command("alert CUDA out of memory");
        viewer.Feed(Entries.At(5, "step=7 loss=nan"), Entries.At(6, "step=8 loss=0.51"), Entries.At(7, "step=9 loss=inf"));
        output.WriteLine(viewer.Screen);

        // Then the matched lines show '!' before their level (distinct from a user's mark '*'); the others do not
        Assert.Matches(@"12:00:05\.000!INF r-alpha +step=7 loss=nan", viewer.Rows[viewer.RowOf("step=7")]);
        Assert.Matches(@"12:00:07\.000!INF r-alpha +step=9 loss=inf", viewer.Rows[viewer.RowOf("step=9")]);
        Assert.DoesNotContain("!", viewer.Rows[viewer.RowOf("step=8")], StringComparison.Ordinal);
        var column = viewer.Rows[viewer.RowOf("step=7")].IndexOf('!', StringComparison.Ordinal);
        Assert.Equal(Terminal.Gui.Drawing.ColorName16.Red, viewer.CellAt(viewer.RowOf("step=7"), column).Attribute!.Value.Background.GetClosestNamedColor16());

        // When the rule panel opens
        viewer.Press(Key.Tab);
        output.WriteLine(viewer.Screen);

        // Then the alert rules are listed under the (no) filter rules with their hits
        Assert.Matches(@"! alert /loss=\(nan\|inf\)/ +2 hits", viewer.Rows[viewer.RowOf("alert /loss")]);
        Assert.Matches(@"! alert CUDA out of memory +0 hits", viewer.Rows[viewer.RowOf("alert CUDA")]);
        Assert.Equal(-1, viewer.RowOf("no rules: i adds"));

        // When the cursor is on the first alert and d is pressed
        viewer.Press(new Key('d'));

        // Then that alert is gone, the other stays, and its marks stay on the lines it already matched
        Assert.Equal(-1, viewer.RowOf("! alert /loss"));
        Assert.NotEqual(-1, viewer.RowOf("! alert CUDA"));
        Assert.Contains("deleted alert /loss=(nan|inf)/", viewer.Screen, StringComparison.Ordinal);
        viewer.Press(Key.Tab);
        Assert.Contains("!", viewer.Rows[viewer.RowOf("step=7")], StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_Rows_Sit_Under_The_Filter_Rules_And_Space_On_One_Says_What_It_Takes()
    {
        using var viewer = Live(NotifyMode.End, "Traceback");
        viewer.Command("filter-out NCCL");
        viewer.Press(Key.Tab);
        viewer.Press(new Key('j'));

        viewer.Press(Key.Space);

        Assert.True(viewer.RowOf("out NCCL") < viewer.RowOf("alert Traceback"));
        Assert.Contains("an alert rule: d deletes it", viewer.Screen, StringComparison.Ordinal);
        Assert.True(viewer.Program.State.Rules.Rules[0].Enabled);
    }

    [Fact]
    public void Alerts_Lists_The_Recent_Alerts_Newest_First_And_Enter_Selects_The_Line()
    {
        // Given alerts on three lines among sixty
        using var viewer = Live(NotifyMode.Never, "Traceback", "/loss=nan/");
        viewer.Feed([.. Enumerable.Range(10, 60).Select(i => Entries.At(i, i switch { 15 => "Traceback (most recent call last):", 40 => "step=40 loss=nan", 65 => "loss=nan again", _ => $"line {i}" }))]);

        // When :alerts opens the list
        viewer.Command("alerts");
        output.WriteLine(viewer.Screen);

        // Then it shows each alert's time, rule and line, the newest first
        var first = viewer.RowOf("12:01:05.000  /loss=nan/  loss=nan again");
        Assert.NotEqual(-1, first);
        Assert.Equal(first + 1, viewer.RowOf("12:00:40.000  /loss=nan/  step=40 loss=nan"));
        Assert.Equal(first + 2, viewer.RowOf("12:00:15.000  Traceback  Traceback (most recent call last):"));

        // When j moves to the oldest and Enter is pressed
        viewer.Press(new Key('j'));
        viewer.Press(new Key('j'));
        viewer.Press(Key.Enter);

        // Then the list is closed and the traceback is the selected line, at the top of the pane
        Assert.False(viewer.Program.State.Alerts.ListOpen);
        Assert.Equal("Traceback (most recent call last):", viewer.SelectedMessage);
        Assert.Contains("Traceback (most recent call last):", viewer.PaneRows()[0], StringComparison.Ordinal);

        // When the list opens again and Esc closes it, the selection stays
        viewer.Command("alerts");
        viewer.Press(Key.Esc);
        Assert.False(viewer.Program.State.Alerts.ListOpen);
        Assert.Equal("Traceback (most recent call last):", viewer.SelectedMessage);
    }

    [Fact]
    public void An_Alert_Whose_Line_The_Filters_Hide_Says_So()
    {
        using var viewer = Live(NotifyMode.Never, "oom");
        viewer.Feed(Entries.At(5, "OOM killed"), Entries.At(6, "fine"));
        viewer.Command("filter-in fine");

        viewer.Command("alerts");
        viewer.Press(Key.Enter);

        Assert.Contains("that line is not shown", viewer.Screen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alert", "alert needs a pattern")]
    [InlineData("alert /loss=(nan/", "alert /loss=(nan/: invalid regular expression 'loss=(nan'")]
    [InlineData("alerts", "no alerts: :alert PATTERN notifies when a new line matches")]
    public void Bad_Or_Empty_Input_Says_What_To_Do(string command, string expected)
    {
        using var viewer = Live();

        viewer.Command(command);
        output.WriteLine(viewer.Screen);

        // (a refused command stays in the prompt with its reason beside it, shortened to the width)
        var shown = viewer.Program.State.Prompt.Error ?? viewer.Program.State.Notice;
        Assert.StartsWith(expected, shown, StringComparison.Ordinal);
        Assert.Contains(expected[..Math.Min(expected.Length, 30)], viewer.Screen, StringComparison.Ordinal);
        Assert.Empty(viewer.Program.State.Alerts.Rules);
    }
}
