using System.Text.RegularExpressions;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Tests.Commands;

/// <summary>
/// <c>--exit-on PATTERN</c> in text and jsonl mode, end to end against the simulator: the run ends with code 5 right
/// after printing the first matching line, so a script can react to it; bad patterns and the TUI are refused.
/// </summary>
public sealed class ExitOnTests : IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli = new();
    private SimulatorServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(15), Bursts = false, LinesPerSecond = 5 }, CancellationToken.None);
        _cli.Variables["BASETEN_API_KEY"] = _server.ApiKey;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private Task<CliRun> Run(params string[] args) => _cli.RunAsync([.. args, "--api-url", _server.BaseAddress.ToString()]);

    [Fact]
    public async Task Text_Mode_Exits_5_After_Printing_The_First_Matching_Line()
    {
        // Given a job whose lines hold training steps, and a pattern only some of them match
        const string pattern = @"loss=\d\.\d\d\d[05] ";
        var truth = _server.GroundTruth(SimulatorCatalog.ResearchSweepJobLogsPath);
        Assert.Contains(truth, l => Regex.IsMatch(l.Message, pattern));

        // When it is tailed as text with --exit-on
        var run = await Run("training", SimulatorCatalog.ResearchProjectId, SimulatorCatalog.ResearchSweepJobId, "--output", "text", "--exit-on", "/" + pattern + "/");

        // Then the last line printed is the first that matches, none before it does, and the exit code is 5
        Assert.Equal(5, run.ExitCode);
        Assert.Matches(pattern, run.OutLines[^1]);
        Assert.DoesNotContain(run.OutLines[..^1], line => Regex.IsMatch(line, pattern));
        Assert.Equal($"logviewer: a line matched --exit-on /{pattern}/; exiting with code 5.", run.ErrorLines[^1]);
    }

    [Fact]
    public async Task Jsonl_Mode_Exits_5_On_A_Literal_Pattern_Matched_Case_Insensitively()
    {
        // (smartcase: all lower case ignores case)
        var run = await Run("training", SimulatorCatalog.ResearchProjectId, SimulatorCatalog.ResearchSweepJobId, "--output", "jsonl", "--exit-on", "epoch=");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("epoch=", run.OutLines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(run.OutLines[..^1], line => line.Contains("epoch=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_Pattern_That_Never_Matches_Leaves_The_Usual_Exit_Code()
    {
        var run = await Run("training", SimulatorCatalog.ResearchProjectId, SimulatorCatalog.ResearchSweepJobId, "--no-follow", "--output", "text", "--exit-on", "no line says this");

        // The sweep ended FAILED: 1, as without --exit-on
        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.OutLines);
    }

    [Theory]
    [InlineData("/loss=(nan/", "logviewer: --exit-on: invalid regular expression 'loss=(nan': ")]
    [InlineData("//", "logviewer: --exit-on: the pattern is empty: ")]
    public async Task A_Bad_Pattern_Is_A_Usage_Error_Naming_The_Option(string pattern, string expected)
    {
        var run = await Run("training", SimulatorCatalog.ResearchProjectId, SimulatorCatalog.ResearchSweepJobId, "--output", "text", "--exit-on", pattern);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
    }

    [Fact]
    public async Task The_Tui_Is_Refused_With_What_To_Add()
    {
        var run = await Run("training", SimulatorCatalog.ResearchProjectId, SimulatorCatalog.ResearchSweepJobId, "--output", "tui", "--exit-on", "nan");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("logviewer: --exit-on ends a text or jsonl tail; add --output text", run.ErrorLines[0], StringComparison.Ordinal);
    }
}
