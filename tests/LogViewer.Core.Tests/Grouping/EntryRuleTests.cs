using LogViewer.Core.Grouping;

namespace LogViewer.Core.Tests.Grouping;

public sealed class EntryRuleTests
{
    [Theory]
    [InlineData("Traceback (most recent call last):", LineKind.TracebackStart)]
    [InlineData("  File \"train.py\", line 3, in <module>", LineKind.Indented)]
    [InlineData("\tat com.example.Main", LineKind.Indented)]
    [InlineData("", LineKind.Blank)]
    [InlineData("   ", LineKind.Blank)]
    [InlineData("During handling of the above exception, another exception occurred:", LineKind.ChainHeader)]
    [InlineData("The above exception was the direct cause of the following exception:", LineKind.ChainHeader)]
    [InlineData("ValueError: bad shape", LineKind.Plain)]
    public void Lines_Are_Classified(string message, LineKind kind) => Assert.Equal(kind, EntryRule.Classify(message));

    [Fact]
    public void A_Chained_Traceback_Is_One_Entry_And_The_Next_Plain_Line_Is_Not()
    {
        string[] lines =
        [
            "Traceback (most recent call last):", "  File \"a.py\", line 1, in f", "    x()", "KeyError: 'x'", "",
            "During handling of the above exception, another exception occurred:", "",
            "Traceback (most recent call last):", "  File \"a.py\", line 3, in g", "RuntimeError: wrapped",
        ];
        var phase = EntryRule.Start(EntryRule.Classify(lines[0]));
        foreach (var line in lines[1..])
        {
            var next = EntryRule.Continue(phase, EntryRule.Classify(line));
            Assert.True(next.HasValue, line);
            phase = next.Value;
        }

        Assert.Null(EntryRule.Continue(phase, EntryRule.Classify("epoch 2 started")));
        Assert.Null(EntryRule.Continue(EntryPhase.Plain, EntryRule.Classify("another plain line")));
        Assert.Equal(EntryPhase.Plain, EntryRule.Continue(EntryPhase.Plain, EntryRule.Classify("  indented detail")));
    }
}
