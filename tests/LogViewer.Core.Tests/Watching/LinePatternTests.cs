using LogViewer.Core.Model;
using LogViewer.Core.Watching;

namespace LogViewer.Core.Tests.Watching;

public sealed class LinePatternTests
{
    private static LogEntry Line(string message) => new(1, message, null, null, LogLevel.Info);

    private static LinePattern Parse(string text)
    {
        Assert.True(LinePattern.TryParse(text, out var pattern, out var error), error);
        return pattern!;
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
        Assert.Equal(expected, Parse(pattern).Matches(Line(message)));

    [Theory]
    [InlineData("", "the pattern is empty")]
    [InlineData("/", "the pattern is empty")]
    [InlineData("/(a/", "invalid regular expression '(a'")]
    [InlineData(@"/(a)\1/", "regular expression '(a)\\1' uses a construct that cannot run in linear time")]
    public void A_Bad_Pattern_Says_What_Is_Wrong(string pattern, string expected)
    {
        Assert.False(LinePattern.TryParse(pattern, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
