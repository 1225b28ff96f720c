using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Core.Timeline;

namespace LogViewer.Core.Tests.Timeline;

public sealed class TimelineCounterTests
{
    private const long Second = 1_000_000_000L;
    private static readonly long Start = Nanos.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly string?[] Replicas = [null, "r-alpha", "r-beta", "r-gamma"];
    private static readonly LogLevel[] Levels = [LogLevel.None, LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error];

    public static TheoryData<string> FilterNames() => ["all", "warning and up", "hide r-beta", "text", "combined"];

    [Theory]
    [MemberData(nameof(FilterNames))]
    public void Bucket_Counts_Equal_A_Naive_Count_Of_The_Shown_Rows_On_A_Seeded_Store(string filterName)
    {
        // Given: a seeded store of random times (with late lines and evictions), levels and replicas, and a filter.
        var random = new Random(20261203);
        var store = new LogStore(30_000);
        var newest = Start;
        for (var batch = 0; batch < 30; batch++)
        {
            var entries = new List<LogEntry>();
            for (var i = random.Next(1, 1500); i > 0; i--)
            {
                var late = random.NextDouble() < 0.05;
                var time = late ? newest - random.NextInt64(0, 600 * Second) : newest += random.NextInt64(0, 900_000_000);
                entries.Add(new LogEntry(time, $"msg {random.Next(100)}", Replicas[random.Next(Replicas.Length)], null, Levels[random.Next(Levels.Length)]));
            }

            store.Add(entries);
        }

        using var view = new FilteredView(store, FilterNamed(filterName));
        var rows = view.Current;
        foreach (var (columns, offset) in new[] { (60, TimeSpan.Zero), (137, TimeSpan.FromHours(5.5)), (7, TimeSpan.FromHours(-8)) })
        {
            // When: the timeline counts it at a width and a zone.
            var histogram = TimelineCounter.Count(rows, columns, offset);

            // Then: every bucket (in total and per replica) holds what a row-by-row count of the view's rows puts there.
            Assert.InRange(histogram.Count, 1, columns);
            Assert.True(histogram.BucketStart(0) <= rows.TimestampAt(0));
            Assert.True(histogram.BucketStart(histogram.Count) > rows.TimestampAt(rows.Count - 1));
            Assert.Equal(0, (histogram.StartNanos + (long)offset.TotalSeconds * Second) % histogram.BucketNanos);
            var shown = Enumerable.Range(0, rows.Count).Select(rows.GetRow).ToList();
            for (var bucket = 0; bucket < histogram.Count; bucket++)
            {
                var from = histogram.BucketStart(bucket);
                var inBucket = shown.Where(r => r.TimestampNanos >= from && r.TimestampNanos < from + histogram.BucketNanos).ToList();
                Assert.Equal(Reference(inBucket), histogram.At(bucket));
                foreach (var replica in histogram.Replicas)
                {
                    Assert.Equal(Reference(inBucket.Where(r => r.Replica == replica.Replica)), replica.At(bucket));
                }
            }

            Assert.Equal(rows.Count, histogram.Lines);
            Assert.Equal(shown.Select(r => r.Replica).Distinct().Order().ToList(), histogram.Replicas.Select(r => r.Replica).Order().ToList());
            Assert.Equal(shown.FirstOrDefault(r => r.Level == LogLevel.Error).TimestampNanos, histogram.FirstErrorNanos ?? 0);

            // And: the bucket size is the smallest of the ladder that fits.
            var index = BucketLadder.Sizes.Select(s => s.Ticks * 100).ToList().IndexOf(histogram.BucketNanos);
            Assert.True(index >= 0);
            if (index > 0)
            {
                var smaller = BucketLadder.Sizes[index - 1].Ticks * 100;
                var smallerCount = (BucketLadder.BucketStart(rows.TimestampAt(rows.Count - 1), smaller, offset) - BucketLadder.BucketStart(rows.TimestampAt(0), smaller, offset)) / smaller + 1;
                Assert.True(smallerCount > columns);
            }
        }
    }

    [Fact]
    public void Bucket_Size_Grows_Along_The_Ladder_With_The_Range()
    {
        var cases = new (TimeSpan Range, int Columns, TimeSpan Expected)[]
        {
            (TimeSpan.FromSeconds(50), 60, TimeSpan.FromSeconds(1)),
            (TimeSpan.FromSeconds(100), 60, TimeSpan.FromSeconds(2)),
            (TimeSpan.FromMinutes(10), 60, TimeSpan.FromSeconds(15)),
            (TimeSpan.FromHours(1), 58, TimeSpan.FromMinutes(2)),
            (TimeSpan.FromHours(2), 72, TimeSpan.FromMinutes(2)),
            (TimeSpan.FromHours(10), 72, TimeSpan.FromMinutes(10)),
            (TimeSpan.FromDays(2.9), 72, TimeSpan.FromHours(1)),
            (TimeSpan.FromDays(3), 72, TimeSpan.FromHours(2)),
            (TimeSpan.FromDays(400), 72, TimeSpan.FromDays(1)),
        };
        foreach (var (range, columns, expected) in cases)
        {
            Assert.Equal(expected.Ticks * 100, BucketLadder.SizeNanosFor(Start, Start + (range.Ticks * 100), columns, TimeSpan.Zero));
        }
    }

    [Fact]
    public void A_Range_Too_Long_For_Day_Buckets_Shows_The_Newest_Days_And_Counts_The_Rest_Skipped()
    {
        // Given: one line a day for ten days, and five columns.
        var store = new LogStore(100);
        store.Add([.. Enumerable.Range(0, 10).Select(day => new LogEntry(Start + (day * 86_400 * Second), $"day {day}", "r", null, LogLevel.Info))]);
        using var view = new FilteredView(store, LogFilter.All);

        // When: counted.
        var histogram = TimelineCounter.Count(view.Current, 5, TimeSpan.Zero);

        // Then: the last five days show, one line each; the first five are skipped.
        Assert.Equal(5, histogram.Count);
        Assert.Equal(TimeSpan.FromDays(1).Ticks * 100, histogram.BucketNanos);
        Assert.All(Enumerable.Range(0, 5), bucket => Assert.Equal(new BucketCounts(0, 0, 1), histogram.At(bucket)));
        Assert.Equal(5, histogram.SkippedBefore);
    }

    [Fact]
    public void A_Traceback_Without_Levels_Counts_As_An_Error_From_Its_First_Line()
    {
        // Given: a traceback printed without levels, after an info line.
        var store = new LogStore(100);
        store.Add(
        [
            new LogEntry(Start, "starting", "r", null, LogLevel.Info),
            new LogEntry(Start + (5 * Second), "Traceback (most recent call last):", "r", null, LogLevel.None),
            new LogEntry(Start + (5 * Second) + 1, "  File \"x.py\", line 1, in <module>", "r", null, LogLevel.None),
            new LogEntry(Start + (5 * Second) + 2, "ValueError: boom", "r", null, LogLevel.None),
        ]);
        using var view = new FilteredView(store, LogFilter.All);

        // When: counted.
        var histogram = TimelineCounter.Count(view.Current, 60, TimeSpan.Zero);

        // Then: the traceback is an error in the bucket of second 5 (its first line; the frames are other lines), and the first error is there.
        Assert.Equal(new BucketCounts(0, 0, 1), histogram.At(0));
        Assert.Equal(new BucketCounts(1, 0, 2), histogram.At(5));
        Assert.Equal(Start + (5 * Second), histogram.FirstErrorNanos);
    }

    [Fact]
    public void An_Empty_View_Has_No_Buckets()
    {
        using var view = new FilteredView(new LogStore(10), LogFilter.All);
        var histogram = TimelineCounter.Count(view.Current, 60, TimeSpan.Zero);
        Assert.Equal(0, histogram.Count);
        Assert.Equal(-1, histogram.BucketOf(Start));
    }

    private static BucketCounts Reference(IEnumerable<LogRow> rows)
    {
        int errors = 0, warnings = 0, others = 0;
        foreach (var row in rows)
        {
            switch (row.Level)
            {
                case LogLevel.Error: errors++; break;
                case LogLevel.Warning: warnings++; break;
                default: others++; break;
            }
        }

        return new BucketCounts(errors, warnings, others);
    }

    private static LogFilter FilterNamed(string name) => name switch
    {
        "all" => LogFilter.All,
        "warning and up" => new MinLevelFilter(LogLevel.Warning),
        "hide r-beta" => new ReplicaFilter(["r-beta"], hide: true),
        "text" => new TextFilter("msg 1"),
        _ => new TextFilter("msg 2").And(new ReplicaFilter(["r-alpha", null])).And(new MinLevelFilter(LogLevel.Info)),
    };
}
