using System.Net.Http.Headers;
using System.Text.Json;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Simulator.Tests;

/// <summary>A started simulator on a manual clock and an authorised HttpClient pointing at it.</summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(SimulatorServer server, HttpClient client, ManualTimeProvider clock)
    {
        Server = server;
        Client = client;
        Clock = clock;
    }

    public SimulatorServer Server { get; }

    public HttpClient Client { get; }

    public ManualTimeProvider Clock { get; }

    public static async Task<SimulatorHarness> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var clock = new ManualTimeProvider();
        var options = new SimulatorOptions { TimeProvider = clock, History = TimeSpan.FromMinutes(20), Bursts = false };
        options = configure?.Invoke(options) ?? options;
        if (options.TimeProvider is ManualTimeProvider configured)
        {
            clock = configured;
        }

        var server = await SimulatorServer.StartAsync(options, CancellationToken.None);
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
        return new SimulatorHarness(server, client, clock);
    }

    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Client.GetAsync(new Uri(pathAndQuery.TrimStart('/'), UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>The logs of a page as simple records, in the order the server sent them.</summary>
    public async Task<IReadOnlyList<WireLine>> GetLogsAsync(string logsPath, string query)
    {
        var (status, body) = await GetJsonAsync(logsPath + (query.Length > 0 ? "?" + query : string.Empty));
        Assert.True(status == 200, $"expected 200, got {status}: {body}");
        return body.GetProperty("logs").EnumerateArray().Select(WireLine.From).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A LogV1 entry as it came over the wire.</summary>
public sealed record WireLine(long TimestampNanos, string Message, string? Replica, string? RequestId, string? Level)
{
    public static WireLine From(JsonElement element) => new(
        long.Parse(element.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        element.GetProperty("message").GetString()!,
        element.GetProperty("replica").GetString(),
        element.GetProperty("request_id").GetString(),
        element.GetProperty("level").GetString());

    public static WireLine From(GroundTruthLine line) => new(line.TimestampNanos, line.Message, line.Replica, line.RequestId, line.Level);

    public long EpochMillis => TimestampNanos / 1_000_000;
}
