using System.Diagnostics;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

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

    [Theory]
    [InlineData("replay {asset} --output text")]
    [InlineData("replay {asset} --output jsonl")]
    [InlineData("simulate --port 0")]
    public async Task A_Closed_Standard_Output_Is_Named_In_One_Line_And_Exits_1(string arguments)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given the executable started with its stdout closed (`>&-`)
        var executable = typeof(CliApplication).Assembly.Location;
        var asset = Path.Combine(AppContext.BaseDirectory, "sample-deployment.jsonl");
        await File.WriteAllTextAsync(asset, """{"timestamp":"1764000000000000000","message":"hello","replica":null,"request_id":null,"level":"INFO"}""" + "\n");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"dotnet '{executable}' {arguments.Replace("{asset}", $"'{asset}'", StringComparison.Ordinal)} >&-"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(safetyNet.Token);

        // Then it says so last, without a stack trace or "Access to the path is denied", and exits 1
        var said = (await stderr).Trim();
        Assert.EndsWith("logviewer: standard output is closed, so there is nowhere to write; run it with output to a terminal, a file or a pipe.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
        Assert.Equal(1, process.ExitCode);
    }
}
