namespace LogViewer.Simulator.Tests.Http;

public sealed class ConcurrencyTests
{
    private const string Path = SimulatorCatalog.DemoDeploymentLogsPath;

    [Fact]
    public async Task Parallel_Readers_While_Lines_Are_Injected_Always_Get_Consistent_Pages()
    {
        // Given a server read by eight clients at once while a writer injects lines
        await using var sim = await SimulatorHarness.StartAsync(o => o with { RateLimitPerSecond = 0 });
        var now = sim.Clock.GetUtcNow();
        var baseNanos = (now.ToUnixTimeMilliseconds() - 5_000) * 1_000_000;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                sim.Server.AddLines(Path, [new SimulatedLine(baseNanos + (i * 7_919), $"injected {i}", "zzzzz", null, "INFO", now)]);
            }
        });

        // When each reads the same window twenty times
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var pages = new List<IReadOnlyList<WireLine>>();
            for (var i = 0; i < 20; i++)
            {
                pages.Add(await sim.GetLogsAsync(Path, $"start_epoch_millis={now.ToUnixTimeMilliseconds() - 10_000}&direction=asc&limit=1000"));
            }

            return pages;
        })).ToList();
        await writer;
        var results = await Task.WhenAll(readers);

        // Then every page is sorted, and the final state is exactly the reference
        Assert.All(results.SelectMany(pages => pages), page => Assert.Equal(page.OrderBy(line => line.TimestampNanos), page));
        var last = await sim.GetLogsAsync(Path, $"start_epoch_millis={now.ToUnixTimeMilliseconds() - 10_000}&direction=asc&limit=1000");
        Assert.Equal(Reference.Expected(sim.Server, Path, now.ToUnixTimeMilliseconds() - 10_000, now.ToUnixTimeMilliseconds(), now, ascending: true, limit: 1000), last);
        Assert.Equal(200, last.Count(line => line.Message.StartsWith("injected ")));
    }
}
