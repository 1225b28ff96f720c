using System.Text;
using LogViewer.Core.Model;
using LogViewer.Tui.Copy;
using Terminal.Gui.Input;

namespace LogViewer.Tui.Tests.Copy;

public sealed class CopyTests
{
    private static string Decode(string written)
    {
        Assert.StartsWith("\u001b]52;c;", written, StringComparison.Ordinal);
        Assert.EndsWith("\u0007", written, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(written["\u001b]52;c;".Length..^1]));
    }

    [Fact]
    public void C_Writes_The_Selected_Entry_As_An_Osc52_Sequence_And_Says_What_Was_Copied()
    {
        // Given lines, the second one selected
        using var viewer = new ViewerHarness(utc: true);
        viewer.Feed(Entries.At(1, "first", LogLevel.Info), Entries.At(2, "second é", LogLevel.Error, "r-beta"));
        viewer.Press(new Key('k'));

        // When c is pressed
        viewer.Press(new Key('c'));

        // Then exactly one OSC 52 sequence went to the terminal, holding the line as --output text writes it
        var written = viewer.TerminalOutput.ToString();
        Assert.Equal("2026-01-01T12:00:01.000000000Z INFO  [r-alpha] first\n", Decode(written));
        Assert.Equal("copied 1 entry, 53 B", viewer.Program.State.Notice);
        Assert.Contains("copied 1 entry", viewer.Rows[22], StringComparison.Ordinal);
    }

    [Fact]
    public void Marked_Entries_Are_Copied_In_Order_And_Jsonl_On_Request()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.Numbered(0, 5));
        viewer.Press(new Key('g'));
        viewer.Press(new Key('m'));
        viewer.Press(new Key('j'));
        viewer.Press(new Key('j'));
        viewer.Press(new Key('m'));

        viewer.Command("copy-format jsonl");
        viewer.Command("copy");

        var copied = Decode(viewer.TerminalOutput.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, copied.Length);
        Assert.Contains("\"message\":\"line 0\"", copied[0], StringComparison.Ordinal);
        Assert.Contains("\"message\":\"line 2\"", copied[1], StringComparison.Ordinal);
        Assert.StartsWith("copied 2 entries", viewer.Program.State.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Copy_Over_The_Clipboard_Limit_Is_Refused_With_A_Clear_Message()
    {
        using var viewer = new ViewerHarness();
        viewer.Feed(Entries.At(1, new string('x', Osc52.MaxTextBytes + 10)));

        viewer.Press(new Key('c'));

        Assert.Equal(string.Empty, viewer.TerminalOutput.ToString());
        Assert.StartsWith("not copied: 1 entry, 73.3 KB, is more than the 73.2 KB", viewer.Program.State.Notice, StringComparison.Ordinal);
        Assert.True(viewer.Program.State.NoticeIsError);
    }
}
