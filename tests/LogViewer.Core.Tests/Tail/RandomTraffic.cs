using LogViewer.Core.Model;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// The exactly-once tests' traffic, everything at once: bursts bigger than a page, up to 1800 lines in one
/// millisecond, genuine repeats (identical lines, same nanosecond), and ingestion lag of up to 40 s (inside the
/// 60 s lookback), so lines turn up late, at page boundaries and inside crowded milliseconds.
/// </summary>
internal static class RandomTraffic
{
    /// <summary>Adds <paramref name="seconds"/> seconds of traffic from <paramref name="from"/> to the API; returns every copy added.</summary>
    public static List<LogEntry> Add(InMemoryLogApi api, int seed, DateTimeOffset from, int seconds)
    {
        var random = new Random(seed);
        var lines = new List<LogEntry>();
        for (var second = 0; second < seconds; second++)
        {
            var burst = random.Next(10) == 0 ? random.Next(1000, 3000) : random.Next(0, 40);
            var crowdedMillis = burst >= 1000 && random.Next(2) == 0 ? random.Next(1000) : -1;
            for (var i = 0; i < burst; i++)
            {
                var millis = crowdedMillis >= 0 && i < 1800 ? crowdedMillis : random.Next(1000);
                var line = new LogEntry(
                    Nanos.FromDateTimeOffset(from.AddSeconds(second).AddMilliseconds(millis)) + random.Next(1_000_000),
                    $"msg {random.Next(50)}",
                    $"r{random.Next(3)}",
                    random.Next(4) == 0 ? null : "req",
                    (LogLevel)random.Next(5));
                var copies = random.Next(30) == 0 ? random.Next(2, 5) : 1;
                var lag = TimeSpan.FromMilliseconds(random.Next(40_000));
                for (var c = 0; c < copies; c++)
                {
                    lines.Add(line);
                    api.Add(line, visibleAt: Nanos.ToDateTimeOffset(line.TimestampNanos) + lag);
                }
            }
        }

        return lines;
    }
}
