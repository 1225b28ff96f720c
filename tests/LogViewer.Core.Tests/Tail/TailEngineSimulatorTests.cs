using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// The engine with the real HTTP client against the simulator on loopback, on the wall clock, with ingestion lag,
/// bursts and a script of faults (429 with header and body, 5xx, HTML 502, dropped connections) that its requests
/// meet in order. Nothing here waits for time to pass: timeouts are safety nets only.
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
                Faults = new SimulatorFaultSettings { RetryAfterSeconds = 1 },
            },
            CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tail_Against_The_Simulator_Delivers_Every_Line_Exactly_Once(bool newestFirst)
    {
        // Given a tail of the last 2 minutes, following, through faults (newest first: the 2 minutes back-fill
        // between live polls)
        var from = DateTimeOffset.UtcNow.AddMinutes(-2);
        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var api = new BasetenLogApiClient(http, new ApiCredential(_server.ApiKey, "test"));
        var options = new TailOptions
        {
            FromEpochMillis = from.ToUnixTimeMilliseconds(),
            PollInterval = TimeSpan.FromMilliseconds(500),
            Lookback = TimeSpan.FromSeconds(10),
            MaxBackoff = TimeSpan.FromSeconds(2),
            NewestFirst = newestFirst,
        };
        var emitted = new List<LogEntry>();
        var events = new List<TailEvent>();
        Exception? error = null;

        // When its log requests meet a script of faults, each answered by the next request: 429 with the wait in the
        // header, then only in the body, an HTML 502, a JSON 500 and 503, the connection dropped twice running, and a
        // good answer between them so the backoff resets as it would in life
        _server.Faults.Script(
            ScriptedFault.None,
            ScriptedFault.RateLimitedWithHeader,
            ScriptedFault.None,
            ScriptedFault.RateLimitedInBody,
            ScriptedFault.None,
            ScriptedFault.Html502,
            ScriptedFault.None,
            ScriptedFault.ServerError500,
            ScriptedFault.ServerError503,
            ScriptedFault.None,
            ScriptedFault.ConnectionDropped,
            ScriptedFault.ConnectionDropped,
            ScriptedFault.None,
            ScriptedFault.RateLimitedInBody);
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

        await Eventually.Until(() => _server.Faults.ScriptRemaining == 0, "the tail's log requests to use up the fault script");
        _server.Faults.Clear();
        var cut = DateTimeOffset.UtcNow;
        var expected = Truth(l => l.VisibleAt <= cut);

        // Then every line visible at the cut arrives (waiting at most 60 s on a loaded machine)...
        await Eventually.Until(
            () => LineCounts.Missing(expected, Snapshot()) == 0,
            () => $"every line visible at the cut; {LineCounts.Missing(expected, Snapshot())} still missing, statuses: {string.Join(", ", _server.Requests.GroupBy(r => r.StatusCode).Select(g => $"{g.Key}: {g.Count()}"))}");

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
        Assert.True(RateLimited() >= 3);
        // (the server's retry-after of 1 s is what the engine waited, whether it came in the header or the body)
        var rateLimited = events.OfType<TailStatus>().Where(s => s is { State: TailState.Retrying, Reason: RetryReason.RateLimited }).ToList();
        Assert.True(rateLimited.Count >= 3);
        Assert.All(rateLimited, s => Assert.Equal(TimeSpan.FromSeconds(1), s.RetryAt - s.At));
        Assert.Contains(events.OfType<TailStatus>(), s => s is { State: TailState.Retrying, Reason: RetryReason.Network });
        if (newestFirst)
        {
            // (the first request read the newest lines, and the back-fill ran to the range's start)
            Assert.Equal(["desc"], _server.Requests.First(r => r.Path.EndsWith("/logs", StringComparison.Ordinal)).Query["direction"]);
            Assert.Contains(events.OfType<TailStatus>(), s => s.History is { Complete: true });
        }

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
