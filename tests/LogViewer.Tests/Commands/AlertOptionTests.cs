using LogViewer.Arguments;
using LogViewer.Core.Rules;
using LogViewer.Core.Tail;
using LogViewer.Output;

namespace LogViewer.Tests.Commands;

/// <summary>
/// <c>--alert PATTERN</c> on the command line: repeatable, read in the filter rules' syntax and handed to the TUI;
/// bad patterns and text/jsonl output refused with what to write instead.
/// </summary>
public sealed class AlertOptionTests : IDisposable
{
    private readonly RecordingTui _tui = new();
    private readonly CliHarness _cli;

    public AlertOptionTests() => _cli = new CliHarness { Tui = _tui };

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Every_Alert_Reaches_The_Tui_As_A_Rule_Pattern()
    {
        var run = await _cli.RunAsync("demo", "--output", "tui", "--alert", "CUDA out of memory", "--alert", "/loss=(nan|inf)/");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([RulePattern.Literal("CUDA out of memory"), RulePattern.Regex("loss=(nan|inf)")], _tui.Display!.Alerts);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("jsonl")]
    public async Task Text_And_Jsonl_Are_Refused_Pointing_At_Exit_On(string output)
    {
        var run = await _cli.RunAsync("demo", "--output", output, "--alert", "Traceback");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("logviewer: --alert notifies in the TUI; a text or jsonl tail can end on a match instead: --exit-on PATTERN", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
        Assert.Null(_tui.Display);
    }

    [Theory]
    [InlineData("/loss=(nan/", "logviewer: --alert /loss=(nan/: invalid regular expression 'loss=(nan': ")]
    [InlineData("", "logviewer: --alert : the pattern is empty: ")]
    public async Task A_Bad_Pattern_Is_A_Usage_Error_Naming_The_Option(string pattern, string expected)
    {
        var run = await _cli.RunAsync("demo", "--output", "tui", "--alert", pattern);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Null(_tui.Display);
    }

    [Theory]
    [InlineData("deployment")]
    [InlineData("training")]
    [InlineData("demo")]
    [InlineData("pick")]
    public async Task Help_Lists_It(string command)
    {
        var run = await _cli.RunAsync(command, "--help");

        Assert.Contains("--alert <PATTERN>", run.Out, StringComparison.Ordinal);
    }

    /// <summary>Takes what the TUI would show and returns at once.</summary>
    private sealed class RecordingTui : IOutputMode
    {
        public DisplaySettings? Display { get; private set; }

        public Task<int> RunAsync(IObservable<TailEvent> events, ViewerContext context, CancellationToken cancellationToken)
        {
            Display = context.Display;
            return Task.FromResult(0);
        }

        public Task<int> ShowAsync(LoadedLog log, DisplaySettings display, CancellationToken cancellationToken)
        {
            Display = display;
            return Task.FromResult(0);
        }
    }
}
