using LogViewer.Core.Model;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Grouping;

public sealed class EntryGroupingTests(ITestOutputHelper output)
{
    private static readonly string[] Traceback = GroupedLines.Traceback;

    private static LogEntry[] Burst(int second, string replica, LogLevel level, params string[] messages) => GroupedLines.Burst(second, replica, level, messages);

    private static LogEntry[] Interleave(LogEntry[] a, LogEntry[] b) =>
        [.. a.Concat(b).OrderBy(e => e.TimestampNanos)];

    [Fact]
    public void E_Puts_A_Levelless_Traceback_At_The_Top_With_All_Its_Lines_And_J_Steps_Over_It()
    {
        // Given 40 plain lines, a traceback whose lines carry no level, then 40 more
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed([.. Entries.Numbered(0, 40), .. Burst(40, "r-alpha", LogLevel.None, Traceback), .. Entries.Numbered(41, 40)]);
        viewer.Press(new Key('g'));

        // When e is pressed
        viewer.Press(new Key('e'));
        output.WriteLine(viewer.Screen);

        // Then the traceback's first line is selected at the top of the pane, every line of it below, badged ERR
        var pane = viewer.PaneRows();
        Assert.Equal(Traceback[0], viewer.SelectedMessage);
        for (var i = 0; i < Traceback.Length; i++)
        {
            Assert.Contains(Traceback[i].Trim(), pane[i], StringComparison.Ordinal);
        }

        Assert.Contains("ERR", pane[0], StringComparison.Ordinal);
        Assert.Contains("\u2502", pane[1], StringComparison.Ordinal);

        // And j steps over the whole traceback to the next entry, k back to its first line
        viewer.Press(new Key('j'));
        Assert.Equal("line 41", viewer.SelectedMessage);
        viewer.Press(new Key('k'));
        Assert.Equal(Traceback[0], viewer.SelectedMessage);

        // And e again finds no other error
        viewer.Press(new Key('e'));
        Assert.Equal("no later error", viewer.Program.State.Notice);
    }

    [Fact]
    public void Tracebacks_Of_Two_Interleaving_Replicas_Stay_Apart()
    {
        // Given two replicas whose tracebacks interleave line by line
        using var viewer = new ViewerHarness(width: 120, height: 40);
        var alpha = Burst(10, "r-alpha", LogLevel.Error, Traceback);
        var beta = Burst(10, "r-beta", LogLevel.Error, [.. Traceback[..^1], "ValueError: beta broke"]);
        for (var i = 0; i < beta.Length; i++)
        {
            beta[i] = beta[i] with { TimestampNanos = beta[i].TimestampNanos + 500_000 };
        }

        viewer.Feed([.. Entries.Numbered(0, 5), .. Interleave(alpha, beta), .. Entries.Numbered(20, 3)]);
        viewer.Press(new Key('g'));

        // When e selects the first traceback and Enter opens it
        viewer.Press(new Key('e'));
        viewer.Press(Key.Enter);
        output.WriteLine(viewer.Screen);

        // Then the detail pane holds alpha's six lines only, and e then finds beta's traceback as the next error entry
        var detail = viewer.Program.State.Detail;
        Assert.Equal(6, detail.Lines.Length);
        Assert.All(detail.Lines, l => Assert.Equal("r-alpha", l.Replica));
        Assert.Equal("torch.OutOfMemoryError: CUDA out of memory", detail.Lines[^1].Message);
        viewer.Press(Key.Esc);
        viewer.Press(new Key('e'));
        Assert.Equal("r-beta", viewer.Program.State.Rows.At(viewer.Program.State.SelectedRow)!.Value.Replica);
        viewer.Press(new Key('e'));
        Assert.Equal("no later error", viewer.Program.State.Notice);
    }

    [Fact]
    public void Lines_Far_Apart_In_Time_Do_Not_Group()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, "Traceback (most recent call last):", LogLevel.None), Entries.At(5, "  File \"x.py\", line 1"));
        viewer.Press(new Key('g'));

        viewer.Press(new Key('j'));

        Assert.Equal("  File \"x.py\", line 1", viewer.SelectedMessage);
    }

    [Fact]
    public void C_Copies_The_Whole_Entry()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed([.. Entries.Numbered(0, 3), .. Burst(5, "r-alpha", LogLevel.None, Traceback), .. Entries.Numbered(6, 2)]);
        viewer.Press(new Key('g'));
        viewer.Press(new Key('e'));

        viewer.Press(new Key('c'));

        Assert.StartsWith("copied 1 entry", viewer.Program.State.Notice, StringComparison.Ordinal);
        var written = viewer.TerminalOutput.ToString();
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(written["\u001b]52;c;".Length..^1]));
        Assert.Equal(Traceback.Length, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("torch.OutOfMemoryError", text, StringComparison.Ordinal);
    }
}
