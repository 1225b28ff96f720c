using LogViewer.Core.Filtering;
using LogViewer.Tui.Matching;

namespace LogViewer.Tui.Tests.Matching;

public sealed class TextMatcherTests
{
    [Fact]
    public void Plain_Text_Is_A_Case_Insensitive_Substring_With_Every_Match_Found()
    {
        Assert.True(TextMatcher.TryParse("err", out var matcher, out _));
        var matches = new List<(int, int)>();

        matcher.FindMatches("ERR: an error, err", matches);

        Assert.Equal([(0, 3), (8, 3), (15, 3)], matches);
        Assert.Equal(new TextFilter("err", IgnoreCase: true), matcher.Filter);
    }

    [Fact]
    public void Slash_Starts_A_Regex_With_An_Optional_Closing_Slash()
    {
        Assert.True(TextMatcher.TryParse("/ra?nk[0-9]/", out var closed, out _));
        Assert.True(TextMatcher.TryParse("/ra?nk[0-9]", out var open, out _));
        var matches = new List<(int, int)>();

        closed.FindMatches("[RANK3] [rnk4]", matches);

        Assert.Equal([(1, 5), (9, 4)], matches);
        Assert.Equal(closed.Filter, open.Filter);
    }

    [Fact]
    public void Invalid_And_Unsupported_Patterns_Give_A_Reason()
    {
        Assert.False(TextMatcher.TryParse("/a(b", out var matcher, out var error));
        Assert.True(matcher.MatchesEverything);
        Assert.StartsWith("invalid regular expression", error, StringComparison.Ordinal);

        Assert.False(TextMatcher.TryParse("/(a)\\1", out _, out var unsupported));
        Assert.Contains("not supported", unsupported, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//")]
    public void Empty_Text_Matches_Everything(string text)
    {
        Assert.True(TextMatcher.TryParse(text, out var matcher, out _));
        Assert.True(matcher.MatchesEverything);
    }
}
