using System.Text.Json;
using System.Text.RegularExpressions;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Simulator;

namespace LogViewer.Tests.Commands;

public sealed class SimulateAndDemoCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Simulate_Prints_Url_And_Key_Serves_Until_Cancelled_And_Exits_0()
    {
        // Given simulate running in-process
        var stdout = new LineSignallingWriter("Press Ctrl-C to stop.");
        using var cli = new CliHarness { Out = stdout };
        using var stop = new CancellationTokenSource();
        var running = cli.RunAsync(stop.Token, "simulate");
        await stdout.Seen.WaitAsync(TimeSpan.FromSeconds(60));

        // When its printed URL and key are used
        var match = Regex.Match(stdout.ToString(), @"^Simulated Baseten API at (http://127\.0\.0\.1:\d+)  key: (\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, stdout.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        var api = new BasetenLogApiClient(http, new ApiCredential(match.Groups[2].Value, "test"));
        var job = await api.GetTrainingJobAsync(new TrainingJobTarget(SimulatorCatalog.DemoTrainingProjectId, SimulatorCatalog.DemoTrainingJobId), CancellationToken.None);

        // Then it answers, and stops with exit 0 on cancellation (Ctrl-C)
        Assert.True(job.IsRunning);

        // And the commands it suggests run from here: the test host runs in the checkout with no logviewer on PATH,
        // so they use the dotnet run form; the third is the job that fails
        var tryLines = stdout.ToString().Split('\n').Where(l => l.Contains("BASETEN_API_KEY=", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, tryLines.Count);
        Assert.All(tryLines, l => Assert.Contains(" dotnet run --project ", l, StringComparison.Ordinal));
        Assert.Contains(tryLines, l => l.Contains($" training {SimulatorCatalog.DemoTrainingProjectId} {SimulatorCatalog.FailingTrainingJobId} ", StringComparison.Ordinal));
        await stop.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Simulate_Refuses_A_Bad_Port()
    {
        var run = await _cli.RunAsync("simulate", "--port", "70000");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("logviewer: --port 70000: expected a port number from 0 to 65535.", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Demo_Needs_No_Key_And_Prints_The_Simulated_Job()
    {
        // Given no key anywhere
        // When the demo's last minute is read as jsonl
        var run = await _cli.RunAsync("demo", "--since", "1m", "--no-follow", "--output", "jsonl");

        // Then it works and prints LogV1 lines
        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.OutLines);
        Assert.All(run.OutLines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("timestamp", out _)));
    }

    [Fact]
    public async Task Demo_Refuses_Deployment_Filters_On_The_Training_Job()
    {
        var run = await _cli.RunAsync("demo", "--grep", "loss");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("logviewer: --grep: only deployment logs can be filtered this way", run.ErrorLines[0]);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("simulate")]
    public async Task Help_Works(string command)
    {
        var run = await _cli.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes: 0 ok", run.Out);
    }
}
