using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Tests.Commands;

/// <summary>
/// Follows a training job of a fresh simulator to its end, as the <c>training</c> command does with jsonl output.
/// Each run waits for the job's status poll (about 10 s) and the trailing-lines grace (10 s), so the two cases live
/// in two classes that xunit runs in parallel.
/// </summary>
internal static class TrainingJobFollower
{
    private static readonly JobTimeline Quick = new(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    public static async Task<CliRun> FollowAsync(string jobId)
    {
        await using var server = await SimulatorServer.StartAsync(
            new SimulatorOptions { History = TimeSpan.FromMinutes(5), Bursts = false, ShortJobTimeline = Quick, FailingJobTimeline = Quick },
            CancellationToken.None);
        using var cli = new CliHarness();
        cli.Variables["BASETEN_API_KEY"] = server.ApiKey;
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = await cli.RunAsync(safetyNet.Token, "training", SimulatorCatalog.DemoTrainingProjectId, jobId, "--api-url", server.BaseAddress.ToString(), "--output", "jsonl");
        Assert.False(safetyNet.IsCancellationRequested, "the command should end by itself when the job ends");
        return run;
    }
}

public sealed class CompletedTrainingJobTests
{
    [Fact]
    public async Task Completed_Job_Ends_With_Exit_0_And_Its_Status_On_Stderr()
    {
        var run = await TrainingJobFollower.FollowAsync(SimulatorCatalog.ShortTrainingJobId);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"logviewer: training job {SimulatorCatalog.ShortTrainingJobId} ended: COMPLETED", run.ErrorLines[^1]);
        Assert.NotEmpty(run.OutLines);
    }
}

public sealed class FailedTrainingJobTests
{
    [Fact]
    public async Task Failed_Job_Ends_With_Exit_1_And_Its_Status_On_Stderr()
    {
        var run = await TrainingJobFollower.FollowAsync(SimulatorCatalog.FailingTrainingJobId);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"logviewer: training job {SimulatorCatalog.FailingTrainingJobId} ended: FAILED: {"Training job exited with code 1: torch.OutOfMemoryError: CUDA out of memory."}", run.ErrorLines[^1]);
    }
}
