using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// A training job that fails, tailed the TUI's way (with a <see cref="TailControl"/>) against the simulator on the
/// wall clock: the simulator's request journal shows that polling stopped. Waits are safety nets, not assertions.
/// </summary>
public sealed class TailEngineJobEndSimulatorTests
{
    [Fact]
    public async Task A_Failed_Job_Stops_Polling_After_The_Grace_As_The_Request_Journal_Shows()
    {
        // Given a job that runs for 8 s and fails about 10 s after the server starts
        var quick = new JobTimeline(TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(1), Bursts = false, FailingJobTimeline = quick }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var api = new BasetenLogApiClient(http, new ApiCredential(server.ApiKey, "test"));
        var target = new TrainingJobTarget(SimulatorCatalog.DemoTrainingProjectId, SimulatorCatalog.FailingTrainingJobId);
        var options = new TailOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(500),
            JobStatusInterval = TimeSpan.FromMilliseconds(500),
            TrailingLinesGrace = TimeSpan.FromSeconds(1),
            Control = new TailControl(),
        };
        var statuses = new List<TailStatus>();
        using var subscription = new TailEngine(api, target, options, DefaultScheduler.Instance).Run().Subscribe(e =>
        {
            if (e is TailStatus status)
            {
                lock (statuses)
                {
                    statuses.Add(status);
                }
            }
        });

        // When it has stopped and 3 more seconds pass
        await Eventually.Until(() => Last()?.State == TailState.Stopped, "the tail to stop after the job failed");
        var stopped = Last()!;
        var atStop = JobRequests().Count;
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Then the journal has no request for the job after the stop, and the status says when and why it failed
        Assert.Equal(TailState.Stopped, stopped.State);
        Assert.Contains("FAILED at ", stopped.Message, StringComparison.Ordinal);
        Assert.EndsWith("CUDA out of memory.; stopped polling.", stopped.Message, StringComparison.Ordinal);
        // (its status, and its logs at least once; how often depends on how soon a loaded machine got going)
        Assert.True(atStop >= 2, $"the job should have been polled, got {atStop} requests");
        Assert.Equal(atStop, JobRequests().Count);
        Assert.All(JobRequests(), r => Assert.True(r.At <= stopped.At, $"{r.Path} at {r.At:O} after the stop at {stopped.At:O}"));

        TailStatus? Last()
        {
            lock (statuses)
            {
                return statuses.LastOrDefault();
            }
        }

        List<RecordedRequest> JobRequests() => [.. server.Requests.Where(r => r.Path.Contains(SimulatorCatalog.FailingTrainingJobId, StringComparison.Ordinal))];
    }
}
