using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEngineTrainingJobTests
{
    private static readonly TrainingJobTarget Job = new("p1", "j1");

    // Queued for 25 s, running until 60 s, then completed; a line every second from 30 s to 65 s, each queryable 1 s later.
    private static List<LogEntry> GivenAJobThatQueuesRunsAndCompletes(TailHarness tail)
    {
        tail.Api.JobStatus = now => (now - Start).TotalSeconds switch
        {
            < 25 => "TRAINING_JOB_QUEUED",
            < 60 => "TRAINING_JOB_RUNNING",
            _ => "TRAINING_JOB_COMPLETED",
        };
        var lines = Enumerable.Range(30, 36).Select(s => Line(Start.AddSeconds(s), $"step {s}")).ToList();
        foreach (var line in lines)
        {
            tail.Api.Add(line, visibleAt: Nanos.ToDateTimeOffset(line.TimestampNanos).AddSeconds(1));
        }

        return lines;
    }

    [Fact]
    public void Job_Waiting_Then_Running_Then_Completed_Ends_After_The_Trailing_Grace()
    {
        using var tail = new TailHarness(Job);
        var lines = GivenAJobThatQueuesRunsAndCompletes(tail);

        // When tailing it with a 10 s status interval and a 10 s trailing grace
        tail.Run(new TailOptions { JobStatusInterval = TimeSpan.FromSeconds(10), TrailingLinesGrace = TimeSpan.FromSeconds(10) });
        tail.Advance(TimeSpan.FromMinutes(3));

        // Then it waits (status QUEUED) without reading logs until the job runs
        var waiting = tail.Statuses.Where(s => s.State == TailState.WaitingForJob).ToList();
        Assert.Equal(3, waiting.Count);
        Assert.All(waiting, s => Assert.Equal("QUEUED", s.JobStatus));
        Assert.Equal(Start.AddSeconds(30.1), tail.Api.Requests[0].At); // the job check at 30 s, then 100 ms of pacing

        // ...checks the job about every 10 s while tailing
        var checks = tail.Api.JobRequests;
        Assert.All(checks.Zip(checks.Skip(1)), p => Assert.InRange(p.Second - p.First, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12.5)));

        // ...reads the trailing lines written after the job completed, then ends with the job's final status
        Assert.Equal(lines, tail.Emitted);
        var ended = Assert.IsType<TailStatus>(tail.Events.Last());
        Assert.Equal((TailState.Ended, "COMPLETED"), (ended.State, ended.JobStatus));
        var completedSeenAt = checks.First(t => t >= Start.AddSeconds(60));
        Assert.InRange(ended.At - completedSeenAt, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12.5));
        Assert.True(tail.Completed);
        Assert.True(tail.Api.Requests.Last().At <= ended.At);
    }

    [Fact]
    public void Job_That_Ended_Keeps_Being_Tailed_When_Told_Not_To_Exit()
    {
        using var tail = new TailHarness(Job);
        GivenAJobThatQueuesRunsAndCompletes(tail);

        // When tailing it with EndWhenJobEnds = false (--no-exit, the TUI)
        tail.Run(new TailOptions { EndWhenJobEnds = false });
        tail.Advance(TimeSpan.FromMinutes(3));

        // Then the status shows the job completed while the tail stays live
        var last = tail.Statuses.Last();
        Assert.Equal((TailState.Live, "COMPLETED"), (last.State, last.JobStatus));
        Assert.False(tail.Completed);
        Assert.True(tail.Api.Requests.Last().At >= Start.AddMinutes(3).AddSeconds(-2));
    }

    [Fact]
    public void Job_Failure_Is_The_Final_Status()
    {
        // Given a job that fails at once
        using var tail = new TailHarness(Job);
        tail.Api.JobStatus = _ => "TRAINING_JOB_FAILED";

        // When tailing it
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(1));

        // Then the stream ends with FAILED as the job status
        var ended = tail.Statuses.Last();
        Assert.Equal((TailState.Ended, "FAILED"), (ended.State, ended.JobStatus));
        Assert.Contains("FAILED", ended.Message);
        Assert.True(tail.Completed);
    }
}
