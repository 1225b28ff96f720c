using LogViewer.Core.Api;
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
        var lines = RandomTraffic.Add(tail.Api, seed, Start, 300);

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
