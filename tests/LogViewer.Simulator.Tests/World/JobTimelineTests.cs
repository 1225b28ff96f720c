using System.Text.Json;

namespace LogViewer.Simulator.Tests.World;

public sealed class JobTimelineTests
{
    private const string Jobs = "/v1/training_projects/" + SimulatorCatalog.DemoTrainingProjectId + "/jobs/";

    private static readonly JobTimeline ShortTimeline = new(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4));

    [Fact]
    public async Task Short_Job_Moves_Through_Every_Status_To_Completed()
    {
        // Given a short job created at start, 1 s CREATED, 2 s QUEUED, 3 s DEPLOYING, 4 s RUNNING
        await using var sim = await SimulatorHarness.StartAsync(o => o with { ShortJobTimeline = ShortTimeline });

        // When its status is read at each boundary and just before it
        var seen = new List<string>();
        foreach (var seconds in new[] { 0, 0.999, 1, 2.999, 3, 5.999, 6, 9.999, 10 })
        {
            sim.Clock.SetUtcNow(ManualTimeProvider.DefaultStart.AddSeconds(seconds));
            seen.Add((await Job(sim, SimulatorCatalog.ShortTrainingJobId)).GetProperty("current_status").GetString()!);
        }

        // Then it goes CREATED, QUEUED, DEPLOYING, RUNNING, COMPLETED at the planned moments
        Assert.Equal(
            [
                SimulatorJobStatus.Created, SimulatorJobStatus.Created, SimulatorJobStatus.Queued, SimulatorJobStatus.Queued,
                SimulatorJobStatus.Deploying, SimulatorJobStatus.Deploying, SimulatorJobStatus.Running, SimulatorJobStatus.Running,
                SimulatorJobStatus.Completed,
            ],
            seen);
    }

    [Fact]
    public async Task Failing_Job_Ends_Failed_With_An_Error_Message()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { FailingJobTimeline = ShortTimeline });
        var running = await Job(sim, SimulatorCatalog.FailingTrainingJobId);
        sim.Clock.Advance(TimeSpan.FromSeconds(10));

        var failed = await Job(sim, SimulatorCatalog.FailingTrainingJobId);

        Assert.Equal(JsonValueKind.Null, running.GetProperty("error_message").ValueKind);
        Assert.Equal(SimulatorJobStatus.Failed, failed.GetProperty("current_status").GetString());
        Assert.Contains("CUDA out of memory", failed.GetProperty("error_message").GetString());
        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(10), failed.GetProperty("updated_at").GetDateTimeOffset());
        Assert.Equal(ManualTimeProvider.DefaultStart, failed.GetProperty("created_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Training_Logs_Exist_Only_While_Deploying_Or_Running()
    {
        // Given a short job at 10 lines per second, read once it has finished
        await using var sim = await SimulatorHarness.StartAsync(o => o with { ShortJobTimeline = ShortTimeline, LinesPerSecond = 10 });
        var queuedLogs = await sim.GetLogsAsync(SimulatorCatalog.ShortTrainingJobLogsPath, "direction=asc&limit=1000");
        sim.Clock.Advance(TimeSpan.FromMinutes(1));

        var logs = await sim.GetLogsAsync(SimulatorCatalog.ShortTrainingJobLogsPath, "direction=asc&limit=1000");

        // Then nothing was logged before DEPLOYING (3 s) or after the end (10 s), and the job said goodbye
        var deploying = ManualTimeProvider.DefaultStart.AddSeconds(3).ToUnixTimeMilliseconds();
        var end = ManualTimeProvider.DefaultStart.AddSeconds(10).ToUnixTimeMilliseconds();
        Assert.Empty(queuedLogs);
        Assert.InRange(logs.Count, 20, 200);
        Assert.All(logs, line => Assert.InRange(line.EpochMillis, deploying, end));
        Assert.Contains(logs, line => line.Message.StartsWith("Training complete"));
        Assert.Contains(logs.Where(line => line.EpochMillis < deploying + 3000), line => !line.Message.StartsWith("step="));
    }

    [Fact]
    public async Task Failing_Job_Logs_End_With_A_Traceback()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { FailingJobTimeline = ShortTimeline });
        sim.Clock.Advance(TimeSpan.FromMinutes(1));

        var last = await sim.GetLogsAsync(SimulatorCatalog.FailingTrainingJobLogsPath, "limit=8");

        Assert.Equal("Process exited with code 1", last[0].Message);
        Assert.Contains(last, line => line.Message == "Traceback (most recent call last):" && line.Level == "ERROR");
    }

    [Fact]
    public async Task Demo_Job_Is_Running_With_Hours_Of_History()
    {
        await using var sim = await SimulatorHarness.StartAsync(o => o with { History = TimeSpan.FromHours(2) });
        sim.Clock.Advance(TimeSpan.FromHours(6));

        var job = await Job(sim, SimulatorCatalog.DemoTrainingJobId);
        var oldest = await sim.GetLogsAsync(SimulatorCatalog.DemoTrainingJobLogsPath, $"start_epoch_millis={ManualTimeProvider.DefaultStart.AddHours(-2).ToUnixTimeMilliseconds()}&direction=asc&limit=1");

        Assert.Equal(SimulatorJobStatus.Running, job.GetProperty("current_status").GetString());
        Assert.Single(oldest);
    }

    private static async Task<JsonElement> Job(SimulatorHarness sim, string jobId)
    {
        var (status, body) = await sim.GetJsonAsync(Jobs + jobId);
        Assert.Equal(200, status);
        Assert.Equal(SimulatorCatalog.DemoTrainingProjectId, body.GetProperty("training_project").GetProperty("id").GetString());
        return body.GetProperty("training_job");
    }
}
