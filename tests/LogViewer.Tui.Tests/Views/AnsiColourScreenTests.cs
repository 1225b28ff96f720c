using LogViewer.Core.Model;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Xunit.Abstractions;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Tests.Views;

/// <summary>SGR colours in messages drawn as colour in the pane, the detail pane and the request trace; every other sequence still removed; none of it under NO_COLOR.</summary>
public sealed class AnsiColourScreenTests(ITestOutputHelper output)
{
    // Basic red, a 256-colour orange (index 208), a 24-bit colour, a bold basic green on a blue background; a title
    // change and a screen clear that must stay neutralized.
    private const string Message =
        "\u001b[31mred\u001b[0m plain \u001b[38;5;208morange\u001b[0m \u001b[38;2;10;20;30mrgb\u001b[39m "
        + "\u001b[1;32;44mgreen\u001b[m \u001b]0;owned\u0007title\u001b[2Jclear";

    private const string Shown = "red plain orange rgb green titleclear";

    private static Cell CellOf(ViewerHarness viewer, string word, int fromRow = 0)
    {
        var row = Array.FindIndex(viewer.Rows, fromRow, r => r.Contains(Shown, StringComparison.Ordinal));
        Assert.True(row >= 0, "the sanitized message is on screen");
        var column = viewer.Rows[row].IndexOf(Shown, StringComparison.Ordinal) + Shown.IndexOf(word, StringComparison.Ordinal);
        return viewer.CellAt(row, column);
    }

    [Fact]
    public void The_Pane_Draws_Basic_256_And_Truecolour_Sgr_As_Cell_Colours_And_Drops_Every_Other_Sequence()
    {
        // Given a message with SGR colours and hostile sequences
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Entries.At(1, Message), Entries.At(2, "after"));
        output.WriteLine(viewer.Screen);

        // Then the text is the sanitized message, and each word has its colour
        Assert.DoesNotContain("\u001b", viewer.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("owned", viewer.Screen, StringComparison.Ordinal);
        var plain = CellOf(viewer, "plain").Attribute!.Value;
        Assert.Equal(new Color(ColorName16.Red), CellOf(viewer, "red").Attribute!.Value.Foreground);
        Assert.Equal(new Color(255, 135, 0), CellOf(viewer, "orange").Attribute!.Value.Foreground);
        Assert.Equal(new Color(10, 20, 30), CellOf(viewer, "rgb").Attribute!.Value.Foreground);
        var green = CellOf(viewer, "green").Attribute!.Value;
        Assert.Equal(new Color(ColorName16.Green), green.Foreground);
        Assert.Equal(new Color(ColorName16.Blue), green.Background);
        Assert.True(green.Style.HasFlag(TextStyle.Bold));

        // And the reset ends the colour: the text after it is drawn as the row is
        Assert.NotEqual(new Color(ColorName16.Red), plain.Foreground);
        Assert.Equal(plain, CellOf(viewer, "title").Attribute!.Value);
    }

    [Fact]
    public void The_Detail_Pane_Draws_The_Same_Colours()
    {
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Entries.At(1, Message));

        viewer.Press(Key.Enter);
        output.WriteLine(viewer.Screen);

        var detailRow = viewer.RowOf("request id") + 1;
        Assert.Equal(new Color(ColorName16.Red), CellOf(viewer, "red", detailRow).Attribute!.Value.Foreground);
        Assert.Equal(new Color(255, 135, 0), CellOf(viewer, "orange", detailRow).Attribute!.Value.Foreground);
        Assert.Equal(new Color(10, 20, 30), CellOf(viewer, "rgb", detailRow).Attribute!.Value.Foreground);
    }

    [Fact]
    public void The_Request_Trace_Draws_The_Same_Colours()
    {
        // Given a line of a request whose message has SGR colours, one of them in the colon form
        using var viewer = new ViewerHarness(width: 120);
        viewer.Feed(Entries.At(1, Message.Replace("38;2;10;20;30", "38:2::10:20:30", StringComparison.Ordinal)) with { RequestId = "req-1" });

        // When its request is traced
        viewer.Press(new Key('r'));
        output.WriteLine(viewer.Screen);

        // Then the trace row's words carry the message's colours, and the text after a reset is the row's
        Assert.True(viewer.Program.State.Trace.Open);
        var traceRow = viewer.RowOf("Request req-1");
        Assert.Equal(new Color(ColorName16.Red), CellOf(viewer, "red", traceRow).Attribute!.Value.Foreground);
        Assert.Equal(new Color(255, 135, 0), CellOf(viewer, "orange", traceRow).Attribute!.Value.Foreground);
        Assert.Equal(new Color(10, 20, 30), CellOf(viewer, "rgb", traceRow).Attribute!.Value.Foreground);
        var green = CellOf(viewer, "green", traceRow).Attribute!.Value;
        Assert.Equal(new Color(ColorName16.Blue), green.Background);
        Assert.True(green.Style.HasFlag(TextStyle.Bold));
        Assert.Equal(CellOf(viewer, "plain", traceRow).Attribute!.Value, CellOf(viewer, "title", traceRow).Attribute!.Value);
    }

    [Fact]
    public void Under_No_Color_The_Request_Trace_Colours_Nothing()
    {
        using var viewer = new ViewerHarness(width: 120, configure: s => s with { MessageColours = false });
        viewer.Feed(Entries.At(1, Message, LogLevel.Info) with { RequestId = "req-1" });

        viewer.Press(new Key('r'));

        var traceRow = viewer.RowOf("Request req-1");
        var plain = CellOf(viewer, "plain", traceRow).Attribute!.Value;
        Assert.Equal(plain, CellOf(viewer, "red", traceRow).Attribute!.Value);
        Assert.Equal(plain, CellOf(viewer, "rgb", traceRow).Attribute!.Value);
        Assert.Equal(plain, CellOf(viewer, "green", traceRow).Attribute!.Value);
    }

    [Fact]
    public void Under_No_Color_The_Sequences_Are_Removed_And_Nothing_Is_Coloured()
    {
        // Given the viewer started with NO_COLOR set (the session's MessageColours off)
        using var viewer = new ViewerHarness(width: 120, configure: s => s with { MessageColours = false });
        viewer.Feed(Entries.At(1, Message, LogLevel.Info));

        // Then the words are drawn as the plain text next to them
        var plain = CellOf(viewer, "plain").Attribute!.Value;
        Assert.Equal(plain, CellOf(viewer, "red").Attribute!.Value);
        Assert.Equal(plain, CellOf(viewer, "orange").Attribute!.Value);
        Assert.Equal(plain, CellOf(viewer, "green").Attribute!.Value);
    }
}
