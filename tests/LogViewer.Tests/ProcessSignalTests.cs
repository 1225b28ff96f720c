using System.Diagnostics;

namespace LogViewer.Tests;

/// <summary>The real executable in its own process: SIGINT and SIGTERM end it promptly with exit code 0.</summary>
public sealed class ProcessSignalTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_Ends_The_Process_Promptly(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Given logviewer simulate running as its own process
        var executable = typeof(CliApplication).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", [executable, "simulate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("Simulated Baseten API at http://127.0.0.1:", ready);

        // When it gets the signal
        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        // Then it exits 0 (the 10 s bound is a safety net for a loaded machine; the brief's target is one second)
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(safetyNet.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        Assert.Equal(0, process.ExitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }
}
