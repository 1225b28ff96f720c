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
        _server.Faults.RateLimitProbability = 1;
        _server.Faults.RetryAfterInHeader = true;
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

        // When every request is rate limited until two were (retry-after in the header, then in the body), then
        // 5 % of requests meet each fault for 6 s, with the connection cut for 3 s in the middle
        await Eventually.Until(() => RateLimited() >= 1);
        _server.Faults.RetryAfterInHeader = false;
        await Eventually.Until(() => RateLimited() >= 2);
        _server.Faults.RateLimitProbability = 0.05;
        for (var i = 0; i < 6; i++)
        {
            if (i == 1)
            {
                _server.Faults.OutageAbortsConnection = true;
                _server.Faults.OutageDuration = TimeSpan.FromSeconds(3);
                _server.Faults.OutageStart = DateTimeOffset.UtcNow;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        _server.Faults.Clear();
        var cut = DateTimeOffset.UtcNow;
        var expected = Truth(l => l.VisibleAt <= cut);

        // Then every line visible at the cut arrives (waiting at most 60 s on a loaded machine)...
        await Eventually.Until(() => LineCounts.Missing(expected, Snapshot()) == 0);

        subscription.Dispose();
        var all = Truth(_ => true);
        var got = Snapshot();
        var (missing, extra) = (LineCounts.Missing(expected, got), LineCounts.Missing(got, all));
        output.WriteLine($"lines: {got.Values.Sum()} emitted, {expected.Values.Sum()} expected at the cut, {missing} missing, {extra} duplicated or invented; "
            + $"{_server.Requests.Count} requests, {_server.Requests.Count(r => r.StatusCode != 200)} faults");

        foreach (var line in expected.Where(e => got.GetValueOrDefault(e.Key) < e.Value).Take(5))
        {
            output.WriteLine($"missing: {line.Key} x{line.Value}");
        }

        output.WriteLine(string.Join(", ", _server.Requests.GroupBy(r => r.StatusCode).Select(g => $"{g.Key}: {g.Count()}")));
        foreach (var status in events.OfType<TailStatus>().Where(s => s.State == TailState.Retrying))
        {
            output.WriteLine(status.Message);
        }

        foreach (var warning in events.OfType<TailWarning>())
        {
            output.WriteLine($"warning: {warning.Message}");
        }

        // ...none twice, none invented, and the faults were met and survived
        Assert.Null(error);
        Assert.Equal((0, 0), (missing, extra));
        Assert.True(RateLimited() >= 2);
        // (the server's retry-after of 1 s is what the engine waited, whether it came in the header or the body)
        var rateLimited = events.OfType<TailStatus>().Where(s => s is { State: TailState.Retrying, Reason: RetryReason.RateLimited }).ToList();
        Assert.True(rateLimited.Count >= 2);
        Assert.All(rateLimited, s => Assert.Equal(TimeSpan.FromSeconds(1), s.RetryAt - s.At));
        Assert.Contains(events.OfType<TailStatus>(), s => s is { State: TailState.Retrying, Reason: RetryReason.Network });

        int RateLimited() => _server.Requests.Count(r => r.StatusCode == 429);

        Dictionary<LogEntry, int> Snapshot()
        {
            lock (events)
            {
                return LineCounts.Of(emitted);
            }
        }

        Dictionary<LogEntry, int> Truth(Func<GroundTruthLine, bool> which) => LineCounts.Of(_server.GroundTruth(SimulatorCatalog.DemoDeploymentLogsPath)
            .Where(l => l.TimestampNanos >= Nanos.FromEpochMillis(from.ToUnixTimeMilliseconds()) && which(l))
            .Select(l => new LogEntry(l.TimestampNanos, l.Message, l.Replica, l.RequestId, LogLevels.FromApi(l.Level))));
    }
}
