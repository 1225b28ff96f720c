using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEngineJobEndTests
{
    private const string Oom = "Training job exited with code 1: torch.OutOfMemoryError: CUDA out of memory.";

    // Running for its first 60 s, then failed with an error message; a line every second up to 62 s.
    private static TailHarness GivenAJobThatFailsAfterAMinute()
    {
        var tail = new TailHarness(new TrainingJobTarget("p1", "j1"));
        tail.Api.JobStatus = now => now < Start.AddSeconds(60) ? "TRAINING_JOB_RUNNING" : "TRAINING_JOB_FAILED";
        tail.Api.JobErrorMessage = Oom;
        foreach (var s in Enumerable.Range(0, 63))
        {
            tail.Api.Add(Line(Start.AddSeconds(s), $"step {s}"));
        }

        return tail;
    }

    [Fact]
    public void A_Failed_Job_Stops_Polling_After_The_Grace_And_Says_When_And_Why()
    {
        // Given a tail with a control (the TUI's way)
        using var tail = GivenAJobThatFailsAfterAMinute();
        var control = new TailControl();

        // When the job fails and 10 more minutes pass
        tail.Run(new TailOptions { Control = control, JobStatusInterval = TimeSpan.FromSeconds(10), TrailingLinesGrace = TimeSpan.FromSeconds(10) });
        tail.Advance(TimeSpan.FromMinutes(2));
        var requestsAtStop = (tail.Api.Requests.Count, tail.Api.JobRequests.Count);
        tail.Advance(TimeSpan.FromMinutes(10));

        // Then the last status is Stopped with the job's status, error and end time, nothing was asked after it,
        // the trailing lines arrived, and the stream stays open (a resume may come)
        var stopped = tail.Statuses.Last();
        Assert.Equal((TailState.Stopped, "FAILED", Oom), (stopped.State, stopped.JobStatus, stopped.JobError));
        Assert.Equal($"Training job j1 FAILED at {stopped.JobEndedAt:HH:mm:ss}Z: {Oom}; stopped polling.", stopped.Message);
        Assert.InRange(stopped.JobEndedAt!.Value, Start.AddSeconds(60), Start.AddSeconds(72.5));
        Assert.Equal(requestsAtStop, (tail.Api.Requests.Count, tail.Api.JobRequests.Count));
        Assert.True(tail.Api.Requests.Last().At <= stopped.At);
        Assert.Equal(63, tail.Emitted.Count);
        Assert.False(tail.Completed);
    }

    [Fact]
    public void Resume_Polls_Again_For_Good()
    {
        // Given a failed job's tail that stopped
        using var tail = GivenAJobThatFailsAfterAMinute();
        var control = new TailControl();
        tail.Run(new TailOptions { Control = control });
        tail.Advance(TimeSpan.FromMinutes(2));
        var requestsAtStop = tail.Api.Requests.Count;
        tail.Api.Add(Line(Start.AddSeconds(100), "a late line"));

        // When it is resumed and a minute passes
        TailHarness.WithoutContext(control.Resume);
        tail.Advance(TimeSpan.FromMinutes(1));

        // Then it polls again every 2 s, says so, finds the new line, and does not stop again
        Assert.InRange(tail.Api.Requests.Count - requestsAtStop, 28, 31);
        Assert.Contains(tail.Statuses, s => s.State == TailState.Live && s.Message.StartsWith("Resumed", StringComparison.Ordinal));
        Assert.Equal("a late line", tail.Emitted[^1].Message);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
        tail.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(tail.Statuses.SkipWhile(s => !s.Message.StartsWith("Resumed", StringComparison.Ordinal)), s => s.State == TailState.Stopped);
    }

    [Fact]
    public void Without_A_Control_The_Stream_Ends_With_The_Error()
    {
        using var tail = GivenAJobThatFailsAfterAMinute();

        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(2));

        var ended = tail.Statuses.Last();
        Assert.Equal(TailState.Ended, ended.State);
        Assert.EndsWith($": {Oom}.", ended.Message, StringComparison.Ordinal);
        Assert.True(tail.Completed);
    }
}
