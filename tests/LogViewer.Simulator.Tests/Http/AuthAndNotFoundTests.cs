using System.Net;
using System.Net.Http.Headers;

namespace LogViewer.Simulator.Tests.Http;

public sealed class AuthAndNotFoundTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Api-Key")]
    public async Task Both_Schemes_Carry_The_Key(string scheme)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, sim.Server.ApiKey);

        var (status, _) = await sim.GetJsonAsync(Path + "?limit=1");

        Assert.Equal(200, status);
        Assert.Equal(scheme, sim.Server.Requests[^1].AuthScheme);
    }

    [Theory]
    [InlineData("Bearer", "wrong-key")]
    [InlineData("Basic", null)]
    [InlineData("Token", null)]
    public async Task Wrong_Key_Or_Scheme_Is_A_401_With_A_Json_Error(string scheme, string? key)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, key ?? sim.Server.ApiKey);

        var (status, body) = await sim.GetJsonAsync(Path);

        Assert.Equal(401, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Missing_Header_Is_A_401()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Client.DefaultRequestHeaders.Authorization = null;

        var (status, _) = await sim.GetJsonAsync("/v1/models");

        Assert.Equal(401, status);
        Assert.Null(sim.Server.Requests[^1].AuthScheme);
    }

    [Fact]
    public async Task The_Key_Is_Never_Recorded()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { ApiKey = "secret-key-c3d4" });
        sim.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-key-c3d4");
        await sim.GetJsonAsync(Path + "?limit=1");
        sim.Client.DefaultRequestHeaders.Authorization = null;
        sim.Client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "secret-key-c3d4");
        await sim.GetJsonAsync(Path + "?limit=1");

        var recorded = string.Join('\n', sim.Server.Requests.Select(r => r.ToString() + string.Join(',', r.Query.SelectMany(q => q.Value))));

        Assert.DoesNotContain("secret-key-c3d4", recorded);
        Assert.Equal([200, 401], sim.Server.Requests.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData("/v1/models/nope1234/deployments/" + SimulatorCatalog.DemoDeploymentId + "/logs", "nope1234")]
    [InlineData("/v1/models/" + SimulatorCatalog.DemoModelId + "/deployments/nope123/logs", "nope123")]
    [InlineData("/v1/training_projects/nope123/jobs/" + SimulatorCatalog.DemoTrainingJobId + "/logs", "nope123")]
    [InlineData("/v1/training_projects/" + SimulatorCatalog.DemoTrainingProjectId + "/jobs/nope123/logs", "nope123")]
    [InlineData("/v1/training_projects/" + SimulatorCatalog.DemoTrainingProjectId + "/jobs/nope123", "nope123")]
    [InlineData("/v1/models/nope1234/deployments", "nope1234")]
    [InlineData("/v1/models/" + SimulatorCatalog.DemoModelId + "/deployments/nope123", "nope123")]
    [InlineData("/v1/training_projects/nope123/jobs", "nope123")]
    public async Task Unknown_Id_Is_A_404_Naming_It(string path, string id)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var (status, body) = await sim.GetJsonAsync(path);

        Assert.Equal(404, status);
        var error = body.GetProperty("error").GetString();
        Assert.Contains(id, error);
        Assert.EndsWith("not found", error);
    }

    [Fact]
    public async Task Unknown_Path_Is_A_Json_404()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.Client.GetAsync(new Uri("v2/whatever", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
