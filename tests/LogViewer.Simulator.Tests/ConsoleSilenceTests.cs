namespace LogViewer.Simulator.Tests;

// Console is process-wide: this class must not run beside others that write to it (none do, but be explicit).
[CollectionDefinition(nameof(ConsoleSilenceTests), DisableParallelization = true)]
public sealed class ConsoleSilenceGroup;

[Collection(nameof(ConsoleSilenceTests))]
public sealed class ConsoleSilenceTests
{
    [Fact]
    public async Task The_Host_Writes_Nothing_To_The_Console()
    {
        // Given the console captured
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            // When a server starts, answers good and bad requests, and stops
            await using (var sim = await SimulatorHarness.StartAsync())
            {
                await sim.GetJsonAsync(SimulatorCatalog.DemoDeploymentLogsPath);
                await sim.GetJsonAsync(SimulatorCatalog.DemoDeploymentLogsPath + "?limit=x");
                await sim.GetJsonAsync("/v1/nothing");
            }
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }

        // Then nothing was printed
        Assert.Equal(string.Empty, captured.ToString());
    }
}
