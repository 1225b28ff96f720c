using System.Globalization;
using System.Runtime.InteropServices;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Benchmarks;

/// <summary>
/// The simulated API at a steady, chosen rate (no bursts) for the whole-process follow runs in <c>follow.sh</c>
/// (terminal bytes per second and idle CPU need a target whose pace is known; one minute of history) and
/// <c>live-memory.sh</c> (hours of history, so a tail from its start holds a million lines).
/// </summary>
internal static class PacedSimulator
{
    public static async Task<int> RunAsync(double linesPerSecond, TimeSpan history)
    {
        using var stop = new CancellationTokenSource();

        // The web host's own console lifetime swallows SIGTERM and SIGINT; the script ends this process with SIGTERM.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var options = new SimulatorOptions
        {
            LinesPerSecond = linesPerSecond,
            Bursts = false,
            History = history,
            Retention = history + TimeSpan.FromMinutes(10),
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

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
