using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using NSubstitute;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

/// <summary>The tail's memory over hours, measured on the whole heap: it runs alone (<see cref="HeapMeasuringTests"/>).</summary>
[Collection(HeapMeasuringTests.Name)]
public sealed class TailEngineMemoryTests
{
    [Fact]
    public void Identity_Memory_Stays_Bounded_On_A_Three_Hour_Tail()
    {
        // Given a line every second for three hours, each queryable one second after its timestamp, and an API
        // that answers with fresh 4 KB copies, so only the engine's de-duplication memory could keep them alive
        using var tail = new TailHarness();
        var lines = Enumerable.Range(0, 3 * 3600).Select(i => Line(Start.AddSeconds(i), $"line {i}")).ToList();
        foreach (var line in lines)
        {
            tail.Api.Add(line, visibleAt: Nanos.ToDateTimeOffset(line.TimestampNanos).AddSeconds(1));
        }

        var padding = new string('x', 4096);
        var api = Substitute.For<ILogApi>();
        api.GetLogsAsync(default!, default!, default).ReturnsForAnyArgs(async call =>
        {
            var page = await tail.Api.GetLogsAsync(call.Arg<LogTarget>(), call.Arg<LogQuery>(), call.Arg<CancellationToken>());
            return page with { Entries = [.. page.Entries.Select(e => e with { Message = e.Message + padding })] };
        });
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // When tailing for three hours with a 60 s lookback, keeping only the count of what arrived
        tail.Run(new TailOptions { FromEpochMillis = Start.ToUnixTimeMilliseconds() }, api);
        var emitted = 0;
        tail.AdvanceInSteps(TimeSpan.FromHours(3), TimeSpan.FromSeconds(10), () =>
        {
            emitted += tail.Batches.Sum(b => b.Entries.Count);
            tail.Events.Clear();
        });
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Then every line arrived once, and the engine holds about one lookback of lines (60 x 8 KB), not three
        // hours of them (10,800 x 8 KB = 88 MB)
        Assert.Equal(lines.Count, emitted);
        Assert.InRange(held, long.MinValue, 16L << 20);
    }
}
