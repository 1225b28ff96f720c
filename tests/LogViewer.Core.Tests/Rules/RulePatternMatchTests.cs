using LogViewer.Core.Rules;

namespace LogViewer.Core.Tests.Rules;

/// <summary>
/// <see cref="RulePattern.TryParse"/> and <see cref="RulePattern.Matches"/>: a line checked as it arrives
/// (<c>--exit-on</c>, alert rules) in the filter-rules syntax.
/// </summary>
public sealed class RulePatternMatchTests
{
    private static RulePattern Parse(string text)
    {
        Assert.True(RulePattern.TryParse(text, out var pattern, out var error), error);
        return pattern;
    }

    [Theory]
    [InlineData("cuda out of memory", "torch.OutOfMemoryError: CUDA out of memory.", true)]
    [InlineData("CUDA", "cuda is lower case here", false)]
    [InlineData("/loss=(nan|inf)/", "step=7 loss=NaN", true)]
    [InlineData("/loss=(nan|inf)/", "step=7 loss=0.53", false)]
    [InlineData("/Loss=nan/", "loss=nan", false)]
    [InlineData(@"/\S+ error/", "an Error", true)]
    [InlineData(@"\/health", "GET /health 200", true)]
    [InlineData(@"\/health", "GET health 200", false)]
    [InlineData("/traceback", "Traceback (most recent call last):", true)]
    public void Matches_Text_Or_Regex_With_Smartcase(string pattern, string message, bool expected) =>
        Assert.Equal(expected, Parse(pattern).Matches(message));

    [Theory]
    [InlineData("", "the pattern is empty")]
    [InlineData("/", "the pattern is empty")]
    [InlineData("//", "the pattern is empty")]
    [InlineData("/(a/", "invalid regular expression '(a'")]
    [InlineData(@"/(a)\1/", "regular expression '(a)\\1' is not supported")]
    public void A_Bad_Pattern_Says_What_Is_Wrong(string pattern, string expected)
    {
        Assert.False(RulePattern.TryParse(pattern, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_As_The_Filter_Rules_Do()
    {
        // The same text gives the same pattern as a rule added in the panel or with :filter-in.
        Assert.Equal(RulePattern.Parse("/loss=(nan|inf)/"), Parse("/loss=(nan|inf)/"));
        Assert.Equal(FilterRule.In(@"\/health").Pattern, Parse(@"\/health"));
    }
}
