using LogViewer.Core.Model;
using LogViewer.Core.Watching;

namespace LogViewer.Core.Tests.Watching;

public sealed class ErrorSurgeDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static LogEntry Line(double seconds, string replica, LogLevel level = LogLevel.Error) =>
        new((Start.AddSeconds(seconds).ToUnixTimeMilliseconds() * 1_000_000) + 1, "boom", replica, null, level);

    /// <summary>The rule by its definition, over the whole list each time (quadratic, obviously right).</summary>
    private static List<(string Replica, long At)> Reference(IReadOnlyList<LogEntry> lines, DateTimeOffset now)
    {
        const long minute = 60_000_000_000;
        var first = lines.Min(l => l.TimestampNanos);
        var surging = new HashSet<string>();
        var found = new List<(string, long)>();
        foreach (var line in lines.Where(l => l.Level == LogLevel.Error))
        {
            var errors = lines.Where(l => l.Level == LogLevel.Error && l.Replica == line.Replica && l.TimestampNanos <= line.TimestampNanos && l.TimestampNanos > line.TimestampNanos - (11 * minute)).ToList();
            var last = errors.Count(l => l.TimestampNanos > line.TimestampNanos - minute);
            var baseline = (errors.Count - last) / 10.0;
            if (line.TimestampNanos - first >= 11 * minute && last >= 5 && last >= 10 * baseline)
            {
                if (surging.Add(line.Replica!) && line.TimestampNanos >= (now.ToUnixTimeMilliseconds() * 1_000_000) - minute)
                {
                    found.Add((line.Replica!, line.TimestampNanos));
                }
            }
            else
            {
                surging.Remove(line.Replica!);
            }
        }

        return found;
    }

    [Fact]
    public void A_Seeded_Stream_Gives_The_Surges_The_Reference_Finds()
    {
        // Given 30 minutes of three replicas: a steady trickle, a steady high rate, and one that bursts at 15 and 28 minutes
        var random = new Random(1234);
        var lines = new List<LogEntry>();
        for (var s = 0.0; s < 1800; s += random.NextDouble() * 4)
        {
            lines.Add(Line(s, "r-info", LogLevel.Info));
            if (random.NextDouble() < 0.02)
            {
                lines.Add(Line(s, "r-trickle"));
            }

            if (random.NextDouble() < 0.2)
            {
                lines.Add(Line(s, "r-busy"));
            }

            if (s is > 900 and < 940 or > 1700 and < 1730 && random.NextDouble() < 0.6)
            {
                lines.Add(Line(s, "r-burst"));
            }
        }

        var now = Start.AddMinutes(30);

        // When they arrive in batches of 50
        var detector = new ErrorSurgeDetector();
        var found = lines.Chunk(50).SelectMany(batch => detector.Observe(batch, now)).Select(s => (s.Replica!, s.AtNanos)).ToList();

        // Then the detector and the reference agree (the reference counts every surge, recent or not, with now far ahead)
        Assert.Equal(Reference(lines, now), found);
        var all = new ErrorSurgeDetector();
        var everySurge = lines.Chunk(50).SelectMany(batch => all.Observe(batch, DateTimeOffset.MinValue.AddYears(2000))).ToList();
        Assert.Equal(Reference(lines, DateTimeOffset.MinValue.AddYears(2000)), everySurge.Select(s => (s.Replica!, s.AtNanos)).ToList());
        Assert.Equal(["r-burst", "r-burst"], everySurge.Select(s => s.Replica));
    }

    [Fact]
    public void Four_Errors_In_A_Minute_Are_Not_A_Surge_Five_Are_And_It_Is_Named_Once()
    {
        var detector = new ErrorSurgeDetector();
        var now = Start.AddMinutes(13);
        Assert.Empty(detector.Observe([Line(0, "r-a", LogLevel.Info), .. Enumerable.Range(0, 4).Select(i => Line(720 + i, "r-a"))], now));

        var surges = detector.Observe([Line(725, "r-a"), Line(726, "r-a"), Line(727, "r-a")], now);

        var surge = Assert.Single(surges);
        Assert.Equal(("r-a", 5, 0.0), (surge.Replica, surge.LastMinute, surge.BaselinePerMinute));
    }

    [Fact]
    public void A_Surge_In_Old_History_Or_Before_Eleven_Minutes_Were_Seen_Is_Not_Reported()
    {
        var detector = new ErrorSurgeDetector();

        // A burst two minutes into what was seen, then one 14 minutes in that is an hour old by now
        var early = detector.Observe([Line(0, "r-a", LogLevel.Info), .. Enumerable.Range(0, 6).Select(i => Line(120 + i, "r-a"))], Start.AddMinutes(3));
        var old = detector.Observe([.. Enumerable.Range(0, 6).Select(i => Line(840 + i, "r-b"))], Start.AddMinutes(75));

        Assert.Empty(early);
        Assert.Empty(old);
    }
}
