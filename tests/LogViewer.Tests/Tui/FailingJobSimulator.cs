using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Tests.Tui;

/// <summary>The simulator for end-to-end runs that watch its failing job (oom-repro) fail while a test looks on.</summary>
internal static class FailingJobSimulator
{
    /// <summary>5 minutes of history, no bursts; oom-repro spends 1 s created, 1 s queued, 2 s deploying, then runs for <paramref name="running"/> and fails.</summary>
    public static Task<SimulatorServer> StartAsync(TimeSpan running) =>
        SimulatorServer.StartAsync(
            new SimulatorOptions
            {
                History = TimeSpan.FromMinutes(5),
                Bursts = false,
                FailingJobTimeline = new JobTimeline(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), running),
            },
            CancellationToken.None);
}
