using LogViewer.Core.Api;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEngineDeploymentStatusTests
{
    [Fact]
    public void Deployment_Status_Is_Read_About_Every_30_Seconds_Within_The_Request_Ceiling()
    {
        // Given a deployment tail polling every 2 s
        using var tail = new TailHarness();

        // When it runs for 5 minutes
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(5));

        // Then the deployment's status was read every 30-32.5 s, 10 or 11 times, while logs were polled as before
        var checks = tail.Api.DeploymentRequests;
        Assert.InRange(checks.Count, 10, 11);
        Assert.All(checks.Zip(checks.Skip(1)), p => Assert.InRange(p.Second - p.First, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32.5)));
        Assert.InRange(tail.Api.Requests.Count, 140, 151);

        // ...and no two requests of either kind started less than 100 ms apart
        var starts = tail.Api.Requests.Select(r => r.At).Concat(checks).Order().ToList();
        Assert.All(starts.Zip(starts.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromMilliseconds(100), $"{p.First:O} then {p.Second:O}"));
    }

    [Fact]
    public void A_Deployment_Waking_Up_Then_Active_Reaches_The_Status_Stream()
    {
        // Given a deployment that is waking up with no replicas for its first 45 s, then active with one
        using var tail = new TailHarness();
        tail.Api.DeploymentStatus = now => now < Start.AddSeconds(45) ? ("WAKING_UP", 0) : ("ACTIVE", 1);

        // When tailing it for 2 minutes
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(2));

        // Then the statuses carry the deployment's state from the first poll, and its change comes as a status in words
        var withDeployment = tail.Statuses.Where(s => s.Deployment is not null).ToList();
        Assert.Equal("WAKING_UP", withDeployment[0].Deployment!.Status);
        var change = tail.Statuses.First(s => s.Deployment?.Status == "ACTIVE");
        Assert.Equal("Deployment deployment-1 is active, 1 replica.", change.Message);
        Assert.Equal(TailState.Live, change.State);
        Assert.InRange(change.At, Start.AddSeconds(45), Start.AddSeconds(65));
        Assert.Equal("ACTIVE", tail.Statuses.Last().Deployment!.Status);
        Assert.Equal(1, tail.Statuses.Count(s => s.Message.StartsWith("Deployment ", StringComparison.Ordinal) && s.Deployment!.Status == "ACTIVE"));
    }

    [Fact]
    public void A_Status_Endpoint_That_Refuses_Is_Given_Up_With_One_Warning_And_Logs_Go_On()
    {
        // Given a deployment whose status endpoint answers 404 while its logs work
        using var tail = new TailHarness();
        tail.Api.Add(Line(Start.AddSeconds(-10), "hello"));
        tail.Api.DeploymentStatus = _ => throw new LogApiException(ApiFailureKind.NotFound, "Not found (HTTP 404).", 404);

        // When tailing for 3 minutes
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(3));

        // Then it was asked once, one warning says so, and the tail is live with its line
        Assert.Single(tail.Api.DeploymentRequests);
        Assert.Contains("status could not be read", Assert.Single(tail.Warnings).Message, StringComparison.Ordinal);
        Assert.Equal("hello", Assert.Single(tail.Emitted).Message);
        Assert.Equal(TailState.Live, tail.Statuses.Last().State);
    }

    [Fact]
    public void A_Transient_Status_Failure_Is_Skipped_Until_The_Next_Interval_Without_Delaying_Logs()
    {
        // Given a status endpoint failing with 503 for the first minute
        using var tail = new TailHarness();
        tail.Api.DeploymentStatus = now => now < Start.AddMinutes(1)
            ? throw new LogApiException(ApiFailureKind.ServerError, "Server error (HTTP 503).", 503)
            : ("UNHEALTHY", 2);

        // When tailing for 2 minutes
        tail.Run(new TailOptions());
        tail.Advance(TimeSpan.FromMinutes(2));

        // Then no retry status came of it, the status was asked again each interval, and the later answer arrived
        Assert.DoesNotContain(tail.Statuses, s => s.State == TailState.Retrying);
        Assert.InRange(tail.Api.DeploymentRequests.Count, 4, 5);
        Assert.Equal(("UNHEALTHY", 2), (tail.Statuses.Last().Deployment!.Status, tail.Statuses.Last().Deployment!.ActiveReplicaCount));
    }
}
