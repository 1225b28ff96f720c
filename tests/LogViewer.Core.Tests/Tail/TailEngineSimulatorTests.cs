using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using LogViewer.Simulator;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// The engine with the real HTTP client against the simulator on loopback, on the wall clock, with ingestion lag,
/// bursts and faults (429 with header and body, 5xx, HTML 502) switched on. Timeouts here are safety nets only.
/// </summary>
public sealed class TailEngineSimulatorTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DeploymentTarget Deployment = new(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId);
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(
            new SimulatorOptions
            {
                History = TimeSpan.FromMinutes(5),
                LinesPerSecond = 200,
                IngestionLagMin = TimeSpan.FromMilliseconds(200),
                IngestionLagMax = TimeSpan.FromSeconds(4),
                Faults = new SimulatorFaultSettings
                {
                    RateLimitProbability = 0.05,
                    RetryAfterSeconds = 1,
                    ServerErrorProbability = 0.05,
                    Html502Probability = 0.05,
                },
            },
            CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Tail_Against_The_Simulator_Delivers_Every_Line_Exactly_Once()
    {
        // Given a tail of the last 2 minutes, following, through faults
        var from = DateTimeOffset.UtcNow.AddMinutes(-2);
        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var api = new BasetenLogApiClient(http, new ApiCredential(_server.ApiKey, "test"));
        var options = new TailOptions
        {
            FromEpochMillis = from.ToUnixTimeMilliseconds(),
            PollInterval = TimeSpan.FromMilliseconds(500),
            Lookback = TimeSpan.FromSeconds(10),
            MaxBackoff = TimeSpan.FromSeconds(2),
        };
        var emitted = new List<LogEntry>();
        var events = new List<TailEvent>();
        Exception? error = null;
        using var subscription = new TailEngine(api, Deployment, options, DefaultScheduler.Instance).Run().Subscribe(
            e =>
            {
                lock (events)
                {
                    events.Add(e);
                    if (e is TailBatch batch)
                    {
                        emitted.AddRange(batch.Entries);
                    }
                }
            },
            e => error = e);

        // When it runs for 8 s with the faults on (and the 429s alternating between header and body)
        for (var i = 0; i < 8; i++)
        {
            _server.Faults.RetryAfterInHeader = i % 2 == 0;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        _server.Faults.Clear();
        var cut = DateTimeOffset.UtcNow;
        var expected = Truth(l => l.VisibleAt <= cut);

        // Then every line visible at the cut arrives (waiting at most 60 s on a loaded machine)...
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Missing(expected, Snapshot()) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        subscription.Dispose();
        var all = Truth(_ => true);
        var got = Snapshot();
        var (missing, extra) = (Missing(expected, got), Missing(got, all));
        output.WriteLine($"lines: {got.Values.Sum()} emitted, {expected.Values.Sum()} expected at the cut, {missing} missing, {extra} duplicated or invented; "
            + $"{_server.Requests.Count} requests, {_server.Requests.Count(r => r.StatusCode != 200)} faults");

        foreach (var line in expected.Where(e => got.GetValueOrDefault(e.Key) < e.Value).Take(5))
        {
            output.WriteLine($"missing: {line.Key} x{line.Value}");
        }

        foreach (var warning in events.OfType<TailWarning>())
        {
            output.WriteLine($"warning: {warning.Message}");
        }

        // ...none twice, none invented, and the faults were met and survived
        Assert.Null(error);
        Assert.Equal((0, 0), (missing, extra));
        Assert.Contains(_server.Requests, r => r.StatusCode == 429);
        Assert.Contains(events.OfType<TailStatus>(), s => s.State == TailState.Retrying);

        Dictionary<LogEntry, int> Snapshot()
        {
            lock (events)
            {
                return Count(emitted);
            }
        }

        Dictionary<LogEntry, int> Truth(Func<GroundTruthLine, bool> which) => Count(_server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath)
            .Where(l => l.TimestampNanos >= Nanos.FromEpochMillis(from.ToUnixTimeMilliseconds()) && which(l))
            .Select(l => new LogEntry(l.TimestampNanos, l.Message, l.Replica, l.RequestId, LogLevels.FromApi(l.Level))));
    }

    // How many copies in `want` are not in `have`.
    private static int Missing(Dictionary<LogEntry, int> want, Dictionary<LogEntry, int> have) =>
        want.Sum(e => Math.Max(0, e.Value - have.GetValueOrDefault(e.Key)));

    private static Dictionary<LogEntry, int> Count(IEnumerable<LogEntry> entries) =>
        entries.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
}
