using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Tracing;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Trace;

/// <summary>
/// <c>r</c> on a deployment against the simulator on loopback: the request's lines come from the server (over its
/// whole window, so older than anything loaded) and from the store, each line exactly once, in time order.
/// </summary>
public sealed class RequestTraceSimulatorTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RequestId = "5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5";
    private static readonly DeploymentTarget Deployment = new(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId);
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromHours(3), LinesPerSecond = 2, Bursts = false }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void R_Shows_Every_Line_Of_The_Request_From_Server_And_Store_Once_In_Time_Order_And_Esc_Returns()
    {
        // Given: the server holds a request whose first line is two hours old, and two identical copies of one line
        var now = DateTimeOffset.UtcNow;
        var started = Nanos(now.AddHours(-2));
        var recent = Nanos(now.AddMinutes(-5));
        SimulatedLine Line(long at, string text) => new(at, text, "r-1", RequestId, "INFO", now.AddHours(-3));
        _server.AddLines(SimulatorCatalog.DemoDeploymentLogsPath,
        [
            Line(started, "Received POST /v1/predict (trace-marker)"),
            Line(recent, "tokenized prompt (trace-marker)"),
            Line(recent, "tokenized prompt (trace-marker)"),
            Line(recent + 1_234_000_000, "Completed request in 1234ms (trace-marker)"),
        ]);
        var truth = _server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath)
            .Where(l => l.RequestId == RequestId).Select(l => new LogEntry(l.TimestampNanos, l.Message, l.Replica, l.RequestId, LogLevels.FromApi(l.Level))).ToList();
        Assert.Equal(4, truth.Count);

        // And: a viewer that loaded only the last minutes: the request's recent lines (both copies) among others
        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var fetch = RequestTraceFetch.For(new BasetenLogApiClient(http, new ApiCredential(_server.ApiKey, "test")), Deployment, DefaultScheduler.Instance);
        using var viewer = new ViewerHarness(width: 140, height: 20, configure: s => s with
        {
            Target = Deployment,

            // The real fetch, waited for here so that its answer reaches the viewer on the test thread.
            TraceRequest = (id, ct) => Task.FromResult(Task.Run(() => fetch(id, ct), ct).GetAwaiter().GetResult()),
        });
        viewer.Feed([
            new LogEntry(recent - 1_000_000_000, "another request", "r-2", "ffffffffffffffffffffffffffffffff", LogLevel.Info),
            .. truth.Skip(1),
            new LogEntry(recent + 2_000_000_000, "no request here", "r-1", null, LogLevel.Info),
        ]);
        viewer.Press(new Key('g'));
        viewer.Press(new Key('j'));
        Assert.Equal("tokenized prompt (trace-marker)", viewer.SelectedMessage);
        var before = viewer.Program.State;

        // When: r is pressed on the request's line
        viewer.Press(new Key('r'));
        output.WriteLine(viewer.Screen);

        // Then: the trace holds the server's ground truth for the request, each line once (the two copies stay two), in time order
        var trace = viewer.Program.State.Trace;
        Assert.True(trace.Open);
        Assert.False(trace.Loading);
        Assert.Equal(truth, trace.Lines);
        Assert.StartsWith("3 held, 1 more from the server", trace.Note, StringComparison.Ordinal);

        // And: the server was asked for this request only, over its whole 7-day window
        var asked = _server.Requests.Where(r => r.Path == SimulatorCatalog.DemoDeploymentLogsPath).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, r => Assert.Equal([RequestId], r.Query["request_id"]));
        Assert.All(asked, r => Assert.Equal(7 * 24 * 3600 * 1000L, long.Parse(r.Query["end_epoch_millis"][0]) - long.Parse(r.Query["start_epoch_millis"][0])));

        // And: the title names the request, each row its time from the first line, the two-hour-old line first
        Assert.Contains($"Request {RequestId}: 4 lines", viewer.Screen, StringComparison.Ordinal);
        var first = viewer.RowOf("Received POST /v1/predict");
        var last = viewer.RowOf("Completed request in 1234ms");
        Assert.Contains("+0.000s", viewer.Rows[first], StringComparison.Ordinal);
        var offset = (recent + 1_234_000_000 - started) / 1e9;
        Assert.Contains($"+{offset.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}s", viewer.Rows[last], StringComparison.Ordinal);
        Assert.True(first < last);
        Assert.Equal(-1, viewer.RowOf("another request"));

        // When: Esc is pressed
        viewer.Press(Key.Esc);

        // Then: the pane is exactly where it was
        var after = viewer.Program.State;
        Assert.False(after.Trace.Open);
        Assert.Equal((before.SelectedKey, before.TopKey, before.Following), (after.SelectedKey, after.TopKey, after.Following));
        Assert.Equal("tokenized prompt (trace-marker)", viewer.SelectedMessage);
        Assert.True(viewer.RowOf("another request") >= 0);
    }

    private static long Nanos(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1_000_000;
}
