using System.Globalization;
using System.Text.Json;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Tests.Commands;

/// <summary>The <c>deployment</c> command end to end, in-process, against the simulated API on loopback.</summary>
public sealed class DeploymentCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli = new();
    private SimulatorServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(15), Bursts = false }, CancellationToken.None);
        _cli.Variables["BASETEN_API_KEY"] = _server.ApiKey;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private string ApiUrl => _server.BaseAddress.ToString();

    [Fact]
    public async Task Jsonl_Prints_LogV1_Lines_In_Timestamp_Order_Matching_The_Server()
    {
        // Given a closed range in the simulator's history
        var to = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds();
        var from = to - 120_000;

        // When the range is read as jsonl
        var run = await _cli.RunAsync(
            "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", ApiUrl,
            "--from", from.ToString(CultureInfo.InvariantCulture), "--to", to.ToString(CultureInfo.InvariantCulture), "--no-follow", "--output", "jsonl");

        // Then exit 0, every line has exactly the LogV1 fields, in timestamp order, equal to the server's lines
        Assert.Equal(0, run.ExitCode);
        var lines = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(lines, line => Assert.Equal(
            ["timestamp", "message", "replica", "request_id", "level"],
            line.EnumerateObject().Select(p => p.Name)));
        var timestamps = lines.Select(line => long.Parse(line.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
        var truth = _server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath)
            .Where(l => l.TimestampNanos / 1_000_000 >= from && l.TimestampNanos / 1_000_000 <= to)
            .Select(l => (l.TimestampNanos, l.Message, l.Replica, l.RequestId, l.Level))
            .ToList();
        Assert.True(truth.Count > 1000, $"the range should need more than one page, has {truth.Count}");
        Assert.Equal(
            truth,
            lines.Select(l => (
                long.Parse(l.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
                l.GetProperty("message").GetString()!,
                l.GetProperty("replica").GetString(),
                l.GetProperty("request_id").GetString(),
                l.GetProperty("level").GetString())));
        Assert.DoesNotContain(_server.ApiKey, run.Out + run.Error);
    }

    [Fact]
    public async Task Rejected_Key_Exits_3_With_One_Line_And_No_Key()
    {
        // Given a wrong key
        _cli.Variables["BASETEN_API_KEY"] = "sk_wrong_0000deadbeef";

        // When the deployment is read
        var run = await _cli.RunAsync("deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", ApiUrl, "--no-follow", "--output", "jsonl");

        // Then exit 3, one line naming the masked key and its source, the key nowhere
        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("logviewer: The API key was rejected (HTTP 401", line);
        Assert.Contains("****beef (from BASETEN_API_KEY)", line);
        Assert.Empty(run.Out);
        Assert.DoesNotContain("sk_wrong_0000deadbeef", run.Out + run.Error);
    }

    [Fact]
    public async Task Unknown_Id_Exits_4_With_One_Line_Naming_It()
    {
        // When an unknown deployment is read
        var run = await _cli.RunAsync("deployment", SimulatorCatalog.DemoModelId, "nosuchdep", "--api-url", ApiUrl, "--no-follow", "--output", "jsonl");

        // Then exit 4 and one line naming the id and the deployments there are
        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("logviewer: no deployment of llama-3-8b-instruct (q4lrm2w3) has the id or name \"nosuchdep\"; yours are: deployment-7 (w7x9k2p, production)", line);
        Assert.DoesNotContain(_server.ApiKey, run.Out + run.Error);
    }

    [Fact]
    public async Task Text_Output_Escapes_Control_Characters_From_The_Server()
    {
        // Given a line that tries to set the terminal title and clear the screen
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        var nanos = at.ToUnixTimeMilliseconds() * 1_000_000 + 123_456;
        _server.AddLines(SimulatorCatalog.DemoDeploymentLogsPath, [new SimulatedLine(nanos, "\u001b]0;owned\u0007\u001b[2Jgone\r\u009b", "zzzzz", "req-1", "ERROR", at)]);

        // When that millisecond is read as text in UTC
        var millis = (nanos / 1_000_000).ToString(CultureInfo.InvariantCulture);
        var run = await _cli.RunAsync(
            "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", ApiUrl,
            "--from", millis, "--to", millis, "--replica", "zzzzz", "--output", "text", "--utc");

        // Then the line is there with its nanoseconds, and no control character reached stdout
        Assert.Equal(0, run.ExitCode);
        var expectedTime = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "123456Z";
        Assert.Equal($"{expectedTime} ERROR [zzzzz req-1] \\e]0;owned\\x07\\e[2Jgone\\x0d\\x9b", Assert.Single(run.OutLines).TrimEnd('\r'));
        Assert.DoesNotContain(run.Out.TrimEnd('\n'), c => char.IsControl(c));
    }

    [Fact]
    public async Task Max_Lines_Stops_After_N_Lines()
    {
        // When at most 5 lines are asked for
        var run = await _cli.RunAsync(
            "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", ApiUrl, "--since", "10m", "--no-follow", "--output", "jsonl", "--max-lines", "5");

        // Then exactly 5 are written
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, run.OutLines.Length);
    }

    [Fact]
    public async Task Server_Filters_Reach_The_Api()
    {
        // When filters are given
        var run = await _cli.RunAsync(
            "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", ApiUrl, "--since", "2m", "--no-follow", "--output", "jsonl",
            "--level", "warn", "--include", "a b", "--include", "c&d", "--exclude", "#x", "--grep", "x+y", "--request-id", "r 1", "--replica", "ab12c");

        // Then the request carries them
        Assert.Equal(0, run.ExitCode);
        var request = _server.Requests.First(r => r.Path == SimulatorCatalog.DemoDeploymentLogsPath);
        Assert.Equal(["WARNING"], request.Query["min_level"]);
        Assert.Equal(["a b", "c&d"], request.Query["includes"]);
        Assert.Equal(["#x"], request.Query["excludes"]);
        Assert.Equal(["x+y"], request.Query["search_pattern"]);
        Assert.Equal(["r 1"], request.Query["request_id"]);
        Assert.Equal(["ab12c"], request.Query["replica"]);
        Assert.Equal(["asc"], request.Query["direction"]);
    }

    [Fact]
    public async Task Following_Stops_On_Cancellation_With_Every_Received_Line_Written_Whole()
    {
        // Given a live tail writing jsonl
        var stdout = new LineSignallingWriter("\"timestamp\"");
        using var cli = new CliHarness { Out = stdout };
        cli.Variables["BASETEN_API_KEY"] = _server.ApiKey;
        using var stop = new CancellationTokenSource();
        var running = cli.RunAsync(stop.Token, "deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", ApiUrl, "--since", "20s", "--output", "jsonl");
        await stdout.Seen.WaitAsync(TimeSpan.FromSeconds(60));

        // When Ctrl-C arrives
        await stop.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        // Then exit 0 and every line written is a whole JSON object
        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.OutLines);
        Assert.All(run.OutLines, line => JsonDocument.Parse(line));
    }
}
