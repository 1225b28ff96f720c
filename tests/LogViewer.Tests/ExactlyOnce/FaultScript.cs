using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Tests.ExactlyOnce;

/// <summary>
/// Drives the simulator through every fault in turn, moving on when the request journal shows the fault really hit
/// the client: 429 with a Retry-After header, 429 with only the body's retry_after, HTML 502 pages, JSON 5xx, slow
/// answers, a 20 s outage, and finally a random mix. Between faults it waits for one good answer, so the
/// client's backoff resets as it would in life. Scripted rather than random so every run proves every fault.
/// </summary>
internal static class FaultScript
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SimulatorServer server, TimeSpan outage, TimeSpan randomMix)
    {
        var faults = server.Faults;
        await UntilAsync(server, "three good answers", () => Count(server, 200) >= 3);

        faults.RetryAfterInHeader = true;
        await FaultUntilSeenAsync(server, f => f.RateLimitProbability = 1, f => f.RateLimitProbability = 0, "429 with Retry-After", 2, 429);
        faults.RetryAfterInHeader = false;
        await FaultUntilSeenAsync(server, f => f.RateLimitProbability = 1, f => f.RateLimitProbability = 0, "429 with retry_after in the body", 2, 429);
        await FaultUntilSeenAsync(server, f => f.Html502Probability = 1, f => f.Html502Probability = 0, "HTML 502", 2, 502);
        await FaultUntilSeenAsync(server, f => f.ServerErrorProbability = 1, f => f.ServerErrorProbability = 0, "JSON 5xx", 2, 500, 503);

        var goodBefore = Count(server, 200);
        faults.SlowDelay = TimeSpan.FromSeconds(3);
        faults.SlowProbability = 1;
        await UntilAsync(server, "two slow answers", () => Count(server, 200) >= goodBefore + 2);
        faults.SlowProbability = 0;

        faults.OutageStart = DateTimeOffset.UtcNow;
        faults.OutageDuration = outage;
        await Task.Delay(outage);

        faults.Current = new SimulatorFaultSettings
        {
            RateLimitProbability = 0.1,
            ServerErrorProbability = 0.1,
            Html502Probability = 0.1,
            SlowProbability = 0.05,
            SlowDelay = TimeSpan.FromSeconds(2),
        };
        await Task.Delay(randomMix);
        faults.Clear();
    }

    private static async Task FaultUntilSeenAsync(
        SimulatorServer server, Action<SimulatorFaults> on, Action<SimulatorFaults> off, string what, int times, params int[] statuses)
    {
        var before = Count(server, statuses);
        on(server.Faults);
        await UntilAsync(server, what, () => Count(server, statuses) >= before + times);
        off(server.Faults);
        var good = Count(server, 200);
        await UntilAsync(server, $"a good answer after {what}", () => Count(server, 200) > good);
    }

    private static int Count(SimulatorServer server, params int[] statuses) =>
        server.Requests.Count(request => statuses.Contains(request.StatusCode));

    private static async Task UntilAsync(SimulatorServer server, string what, Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + StepLimit;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"the fault script waited {StepLimit.TotalSeconds} s for {what}; requests so far: {server.Requests.Count}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
