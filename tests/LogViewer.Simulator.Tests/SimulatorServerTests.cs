using System.Net;
using System.Net.Sockets;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Simulator.Tests;

public sealed class SimulatorServerTests
{
    [Fact]
    public async Task Listens_On_Loopback_At_A_Free_Port_By_Default()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        Assert.Equal("127.0.0.1", sim.Server.BaseAddress.Host);
        Assert.NotEqual(0, sim.Server.BaseAddress.Port);
        Assert.Equal("/", sim.Server.BaseAddress.AbsolutePath);
    }

    [Fact]
    public async Task Listens_On_The_Chosen_Port()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var sim = await SimulatorHarness.StartAsync(o => o with { Port = port });

        Assert.Equal(port, sim.Server.BaseAddress.Port);
        Assert.Equal(200, (await sim.GetJsonAsync("/v1/models")).Status);
    }

    [Fact]
    public async Task Default_Options_Serve_The_Demo()
    {
        // Given the demo's options on the real clock
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.ApiKey);

        // When the demo job's logs are read
        using var response = await client.GetAsync(new Uri(SimulatorCatalog.DemoTrainingJobLogsPath.TrimStart('/') + "?direction=asc", UriKind.Relative));

        // Then there are lines
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"timestamp\":\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(SimulatorOptions.DefaultApiKey, server.ApiKey);
    }

    [Fact]
    public async Task Ground_Truth_And_AddLines_Refuse_An_Unknown_Path()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        Assert.Throws<ArgumentException>(() => sim.Server.GroundTruth("/v1/nope"));
        Assert.Throws<ArgumentException>(() => sim.Server.AddLines("/v1/nope", []));
    }

    [Fact]
    public async Task A_Port_In_Use_Fails_To_Start_With_An_IO_Error()
    {
        await using var first = await SimulatorHarness.StartAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => SimulatorHarness.StartAsync(o => o with { Port = first.Server.BaseAddress.Port }));
    }
}
