using LogViewer.Core.Text;

namespace LogViewer.Core.Tests.Text;

/// <summary>Cell widths as modern terminals draw them: per grapheme cluster, East Asian Width and emoji presentation.</summary>
public sealed class CellWidthTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("日本", 4)] // East Asian Wide
    [InlineData("ｱｲ", 2)] // halfwidth katakana: narrow
    [InlineData("\U0001F469\u200D\U0001F4BB", 2)] // woman technologist: one ZWJ sequence, one emoji
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", 2)] // family of four
    [InlineData("\U0001F1EB\U0001F1F7", 2)] // the French flag: a pair of regional indicators
    [InlineData("\U0001F44D\U0001F3FD", 2)] // thumbs up with a skin-tone modifier
    [InlineData("e\u0301", 1)] // e + combining acute
    [InlineData("a\u0308\u0323", 1)] // two combining marks on one base
    [InlineData("\U0001F680", 2)] // rocket: emoji presentation by default
    [InlineData("\u231A\uFE0E", 2)] // watch with the text selector: still wide, as terminals draw it
    public void Width_Counts_Each_Grapheme_Cluster_Once(string text, int expected)
    {
        Assert.Equal(expected, CellWidth.Of(text));
    }

    [Fact]
    public void A_Zwj_Sequence_Is_One_Cluster()
    {
        const string technologist = "\U0001F469\u200D\U0001F4BB";

        Assert.Equal(technologist.Length, CellWidth.ClusterLength(technologist + "x", 0));
    }

    [Theory]
    [InlineData("\U0001F469\u200D\U0001F4BB\tx", 8)] // the tab stop after a 2-cell emoji is still column 8
    [InlineData("日本語\tx", 8)]
    [InlineData("e\u0301\u0301\tx", 8)]
    [InlineData("日本語日本語日本語\tx", 24)] // 18 cells, next stop 24
    public void Tab_Stops_Stay_Every_Eight_Cells_After_Wide_And_Combining_Characters(string text, int xColumn)
    {
        var result = TerminalText.Sanitize(text);

        Assert.Equal(xColumn, CellWidth.Of(result[..result.IndexOf('x', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("a\u200Bb", "ab")] // zero-width space
    [InlineData("a\u2060b\uFEFFc", "abc")] // word joiner, BOM
    [InlineData("\u202Eevil\u202C ok", "evil ok")] // right-to-left override: could reorder what is shown
    [InlineData("\u2067isolate\u2069 \u200Fmark", "isolate mark")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("one\u2028two\u2029three", "one\u21B5two\u21B5three")] // line and paragraph separators
    [InlineData("\u2764\uFE0F love", "\u2764 love")] // emoji selector on a narrow base: terminals disagree, text form kept
    [InlineData("\U0001F44D\uFE0F ok", "\U0001F44D\uFE0F ok")] // on a base already wide: kept
    [InlineData("\U0001F469\u200D\U0001F4BB ok", "\U0001F469\u200D\U0001F4BB ok")] // ZWJ inside a sequence: kept
    public void Invisible_Format_Characters_That_Terminals_Disagree_On_Are_Removed(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Sanitize(text));
    }
}
