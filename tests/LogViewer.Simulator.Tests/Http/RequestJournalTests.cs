namespace LogViewer.Simulator.Tests.Http;

public sealed class RequestJournalTests
{
    [Fact]
    public async Task Every_Request_Is_Recorded_In_Order_With_Its_Decoded_Query()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        await sim.GetJsonAsync("/v1/models");
        await sim.GetJsonAsync(SimulatorCatalog.DemoDeploymentLogsPath + "?includes=a%20b&includes=%26%23&limit=2&search_pattern=%E6%97%A5");
        await sim.GetJsonAsync(SimulatorCatalog.DemoDeploymentLogsPath + "?limit=0");

        var requests = sim.Server.Requests;
        Assert.Equal(["/v1/models", SimulatorCatalog.DemoDeploymentLogsPath, SimulatorCatalog.DemoDeploymentLogsPath], requests.Select(r => r.Path));
        Assert.Equal([200, 200, 400], requests.Select(r => r.StatusCode));
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        Assert.Equal(["a b", "&#"], requests[1].Query["includes"]);
        Assert.Equal(["日"], requests[1].Query["search_pattern"]);
        Assert.Equal("includes=a%20b&includes=%26%23&limit=2&search_pattern=%E6%97%A5", requests[1].RawQuery);
        Assert.Equal(ManualTimeProvider.DefaultStart, requests[0].At);
    }
}
