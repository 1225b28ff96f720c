using System.Diagnostics;
using LogViewer.Simulator;

namespace LogViewer.Tests;

/// <summary>The real executable in a shell pipeline: when the reader of its stdout goes away, it stops.</summary>
public sealed class ProcessPipeTests
{
    [Fact]
    public async Task Following_Tail_Piped_Into_Head_Ends_When_Head_Exits()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given a simulated deployment that keeps logging
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(2), Bursts = false }, CancellationToken.None);
        var executable = typeof(CliApplication).Assembly.Location;
        var command = $"dotnet '{executable}' deployment {SimulatorCatalog.DemoModelId} {SimulatorCatalog.DemoDeploymentId} "
            + $"--api-url {server.BaseAddress} --output jsonl | head -n 3";

        // When a following tail is piped into `head -n 3`
        using var pipeline = Process.Start(new ProcessStartInfo("bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["BASETEN_API_KEY"] = server.ApiKey },
        })!;
        var stdout = pipeline.StandardOutput.ReadToEndAsync();
        var stderr = pipeline.StandardError.ReadToEndAsync();

        // Then the whole pipeline ends by itself (without the fix logviewer polls on forever; 60 s is a safety net)
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await pipeline.WaitForExitAsync(safetyNet.Token);
        }
        finally
        {
            if (!pipeline.HasExited)
            {
                pipeline.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, pipeline.ExitCode);
        Assert.Equal(3, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Exception", await stderr, StringComparison.Ordinal);
    }
}
