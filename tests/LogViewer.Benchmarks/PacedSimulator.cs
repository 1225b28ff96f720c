using System.Globalization;
using LogViewer.Simulator;

namespace LogViewer.Benchmarks;

/// <summary>
/// The simulated API at a steady, chosen rate (no bursts, one minute of history) for the whole-process follow runs
/// in <c>follow.sh</c>: terminal bytes per second and idle CPU need a target whose pace is known.
/// </summary>
internal static class PacedSimulator
{
    public static async Task<int> RunAsync(double linesPerSecond)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        var options = new SimulatorOptions
        {
            LinesPerSecond = linesPerSecond,
            Bursts = false,
            History = TimeSpan.FromMinutes(1),
            Retention = TimeSpan.FromMinutes(10),
        };
        await using var server = await SimulatorServer.StartAsync(options, stop.Token).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server.BaseAddress.GetLeftPart(UriPartial.Authority)} {server.ApiKey}"));
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped by a signal: the normal end.
        }

        return 0;
    }
}
