using LogViewer.Core.Text;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Views;

/// <summary>
/// Rows holding wide, combining, zero-width, bidi and line-separator characters: every cell Terminal.Gui will send
/// holds exactly what a terminal draws in that many cells, so nothing shifts and no cell is left stale, after
/// horizontal scrolling and after the help overlay closes over them.
/// </summary>
public sealed class WideTextScreenTests(ITestOutputHelper output)
{
    private static readonly string[] Messages =
    [
        "zwj \U0001F469\u200D\U0001F4BB woman technologist END",
        "combining e\u0301e\u0301e\u0301 and a\u0308\u0323 END",
        "zero\u200Bwidth\u2060joiner\uFEFFbom END",
        "bidi \u202Eoverride\u202C \u2067isolate\u2069 \u200Fmark END",
        "separator\u2028line\u2029paragraph END",
        "wide 日本語のログ行 ｱｲｳ END",
        "flag \U0001F1EB\U0001F1F7 skin \U0001F44D\U0001F3FD heart \u2764\uFE0F END",
        "tab\tafter 日本\tstop END",
    ];

    [Fact]
    public void Every_Cell_Holds_What_A_Terminal_Draws_In_It()
    {
        using var viewer = Viewer();

        AssertCellsAccountForTheScreen(viewer);
        Assert.All(Messages, m => Assert.True(viewer.RowOf(m[..3]) >= 0, viewer.Screen));
    }

    [Fact]
    public void Scrolling_Right_And_Back_Leaves_The_Same_Screen()
    {
        using var viewer = Viewer();
        var before = viewer.Screen;

        for (var i = 0; i < 5; i++)
        {
            viewer.Press(new Key('l'));
            AssertCellsAccountForTheScreen(viewer);
        }

        viewer.Press(new Key('0'));

        Assert.Equal(before, viewer.Screen);
    }

    [Fact]
    public void Closing_Help_Over_These_Rows_Leaves_No_Help_Text()
    {
        using var viewer = Viewer();
        var before = viewer.Screen;

        viewer.Press(new Key('?'));
        Assert.Contains("Keys (? or Esc closes)", viewer.Screen, StringComparison.Ordinal);
        viewer.Press(Key.Esc);
        output.WriteLine(viewer.Screen);

        Assert.DoesNotContain("toggle this help", viewer.Screen, StringComparison.Ordinal);
        Assert.Equal(before, viewer.Screen);
        AssertCellsAccountForTheScreen(viewer);
    }

    private static ViewerHarness Viewer()
    {
        var viewer = new ViewerHarness(width: 100, height: 16);
        viewer.Feed([.. Messages.Select((m, i) => Entries.At(i, m))]);
        return viewer;
    }

    /// <summary>
    /// Terminal.Gui writes a row's cells one after another; the terminal advances by each cell's drawn width. They agree
    /// when every cell holds a grapheme a terminal draws in one cell, or in two with the next cell skipped, and no
    /// cell holds one it draws in none (a lone combining mark, a zero-width or bidi control).
    /// </summary>
    private static void AssertCellsAccountForTheScreen(ViewerHarness viewer)
    {
        var contents = viewer.App.Driver!.Contents!;
        for (var row = 0; row < contents.GetLength(0); row++)
        {
            for (var column = 0; column < contents.GetLength(1); column++)
            {
                var grapheme = contents[row, column].Grapheme;
                var width = CellWidth.Of(grapheme);
                Assert.True(width is 1 or 2, $"row {row} column {column} holds U+{string.Join(" U+", grapheme.EnumerateRunes().Select(r => r.Value.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))} ({width} cells)\n{viewer.Screen}");
                Assert.Single(System.Globalization.StringInfo.ParseCombiningCharacters(grapheme));
                column += width - 1;
            }
        }
    }
}
