using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using static LogViewer.Core.Tests.Tail.TailHarness;

namespace LogViewer.Core.Tests.Tail;

public sealed class TailEngineExactlyOnceTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    /// <summary>
    /// Five minutes of traffic with everything at once: bursts bigger than a page, up to 1800 lines in one
    /// millisecond, genuine repeats (identical lines, same nanosecond), and ingestion lag of up to 40 s (inside
    /// the 60 s lookback), so lines turn up late, at page boundaries and inside crowded milliseconds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_Line_Arrives_Exactly_Once_Under_Random_Traffic(int seed)
    {
        // Given random traffic
        using var tail = new TailHarness();
        var random = new Random(seed);
        var lines = new List<LogEntry>();
        for (var second = 0; second < 300; second++)
        {
            var burst = random.Next(10) == 0 ? random.Next(1000, 3000) : random.Next(0, 40);
            var crowdedMillis = burst >= 1000 && random.Next(2) == 0 ? random.Next(1000) : -1;
            for (var i = 0; i < burst; i++)
            {
                var millis = crowdedMillis >= 0 && i < 1800 ? crowdedMillis : random.Next(1000);
                var line = new LogEntry(
                    Nanos.FromDateTimeOffset(Start.AddSeconds(second).AddMilliseconds(millis)) + random.Next(1_000_000),
                    $"msg {random.Next(50)}",
                    $"r{random.Next(3)}",
                    random.Next(4) == 0 ? null : "req",
                    (LogLevel)random.Next(5));
                var copies = random.Next(30) == 0 ? random.Next(2, 5) : 1;
                var lag = TimeSpan.FromMilliseconds(random.Next(40_000));
                for (var c = 0; c < copies; c++)
                {
                    lines.Add(line);
                    tail.Api.Add(line, visibleAt: Nanos.ToDateTimeOffset(line.TimestampNanos) + lag);
                }
            }
        }

        // When tailing through it and a minute beyond
        tail.Run(new TailOptions { FromEpochMillis = Start.ToUnixTimeMilliseconds() });
        tail.Advance(TimeSpan.FromMinutes(6));

        // Then the emitted lines are exactly the API's lines: none missing, none doubled, none invented
        var expected = LineCounts.Of(lines);
        var emitted = LineCounts.Of(tail.Emitted);
        var (missing, extra) = (LineCounts.Missing(expected, emitted), LineCounts.Missing(emitted, expected));
        Assert.Equal((lines.Count, 0, 0), (tail.Emitted.Count, missing, extra));
        Assert.Empty(tail.Warnings);
        Assert.Contains(tail.Api.Requests, r => r.Query.Direction == SortDirection.Descending);
        Assert.Contains(tail.Batches, b => b.LateCount > 0);

        // ...every batch is sorted, and LateCount counts exactly the lines older than an earlier batch's newest
        long newest = long.MinValue;
        foreach (var batch in tail.Batches)
        {
            Assert.True(batch.Entries.Zip(batch.Entries.Skip(1)).All(p => p.First.TimestampNanos <= p.Second.TimestampNanos));
            Assert.Equal(batch.Entries.Count(e => e.TimestampNanos < newest), batch.LateCount);
            newest = Math.Max(newest, batch.Entries.Max(e => e.TimestampNanos));
        }
    }
}
