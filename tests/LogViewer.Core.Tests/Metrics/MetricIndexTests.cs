using LogViewer.Core.Metrics;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using System.Reactive.Concurrency;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Metrics;

public sealed class MetricIndexTests
{
    private static List<(long Nanos, double Value)> PointsOf(MetricIndex index, string key, string? replica) =>
        [.. index.Read(key)!.Series.Single(s => s.Replica == replica).Points.Select(p => (p.Nanos, p.Last))];

    [Fact]
    public void Each_Batch_Adds_Its_Lines_To_One_Series_Per_Replica()
    {
        var store = new LogStore();
        using var index = new MetricIndex(store);

        store.Add([Entry(1, "loss=3.0", "r-1"), Entry(2, "loss=2.5", "r-2"), Entry(3, "no numbers", "r-1")]);
        store.Add([Entry(4, "loss=2.0", "r-1")]);

        var chart = index.Read("loss")!;
        Assert.Equal(["r-1", "r-2"], chart.Series.Select(s => s.Replica));
        Assert.Equal([(1, 3.0), (4, 2.0)], PointsOf(index, "loss", "r-1"));
        Assert.Equal([(2, 2.5)], PointsOf(index, "loss", "r-2"));
        Assert.Equal(3, chart.Lines);
        Assert.Equal((2.0, 3.0, 2.0), (chart.Series[0].Min, chart.Series[0].Max, chart.Series[0].Last));
        Assert.Equal([new MetricKeyCount("loss", 3)], index.Keys);
    }

    [Fact]
    public void A_Line_Is_Read_Once_However_Many_Batches_Follow()
    {
        var store = new LogStore();
        using var index = new MetricIndex(store);

        for (var i = 0; i < 50; i++)
        {
            store.Add([Entry(i, $"loss={i}")]);
        }

        Assert.Equal(50, index.Read("loss")!.Lines);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => ((long)i, (double)i)), PointsOf(index, "loss", null));
    }

    [Fact]
    public void Late_Lines_And_Older_History_Are_Read_Once_And_Placed_In_Time_Order()
    {
        // Given: lines spanning more than one chunk, so a late line rebuilds a chunk in the middle
        var store = new LogStore();
        using var index = new MetricIndex(store, pointsPerSeries: 100_000);
        store.Add([.. Enumerable.Range(0, 10_000).Select(i => Entry(1_000_000 + (i * 10L), $"step={i} loss={i}"))]);

        // When: a late line lands between old ones, and a page of older history arrives, both below everything held
        store.Add([Entry(1_000_005, "step=100000 loss=-1")]);
        store.Add([.. Enumerable.Range(0, 100).Select(i => Entry(i, $"loss={-100 + i}"))]);

        // Then: every line is one point, in time order, whatever order they came in
        var points = PointsOf(index, "loss", null);
        Assert.Equal(10_101, points.Count);
        Assert.Equal(points.OrderBy(p => p.Nanos).ToList(), points);
        Assert.Equal((1_000_005, -1.0), points[101]);
        Assert.Equal((0, -100.0), points[0]);
        Assert.Equal(10_101, index.Read("loss")!.Lines);
    }

    [Fact]
    public void Lines_The_Store_Held_Before_The_Index_Are_Read_On_The_Catch_Up_Scheduler()
    {
        var store = new LogStore();
        store.Add([Entry(1, "loss=1"), Entry(2, "loss=2")]);
        var scheduler = new HistoricalScheduler();

        using var index = new MetricIndex(store, scheduler);
        Assert.Null(index.Read("loss"));
        scheduler.Start();

        Assert.Equal([(1, 1.0), (2, 2.0)], PointsOf(index, "loss", null));
    }

    [Fact]
    public void A_Series_Stays_Within_Its_Cap_And_Keeps_Its_Extremes_When_Points_Merge()
    {
        var store = new LogStore();
        using var index = new MetricIndex(store, pointsPerSeries: 64);

        store.Add([.. Enumerable.Range(0, 1000).Select(i => Entry(i, $"loss={(i == 500 ? 1000 : i % 7)}"))]);

        var series = index.Read("loss")!.Series.Single();
        Assert.InRange(series.Points.Length, 32, 64);
        Assert.Equal(1000, series.Points.Sum(p => p.Count));
        Assert.Equal(1000, series.Max);
        Assert.Equal(0, series.Min);
        Assert.Equal(999 % 7, series.Last);
        Assert.Equal(0, series.Points[0].Nanos);
    }

    [Fact]
    public void Keys_And_Series_Are_Bounded_Against_Text_Full_Of_Different_Keys()
    {
        var store = new LogStore();
        using var index = new MetricIndex(store, pointsPerSeries: 8);

        store.Add([.. Enumerable.Range(0, 2000).Select(i => Entry(i, $"key{i}=1 other{i % 3}=2", $"r-{i % 50}"))]);

        Assert.Equal(MetricIndex.MaxKeys, index.Keys.Count);
        var series = index.Keys.Sum(k => index.Read(k.Key)!.Series.Length);
        Assert.True(series <= MetricIndex.MaxSeries, $"{series} series");
    }

    [Fact]
    public void A_Key_Is_By_Step_When_Its_Lines_Carry_One_And_By_Time_Otherwise()
    {
        var store = new LogStore();
        using var index = new MetricIndex(store);

        store.Add([Entry(1, "step=1 loss=2"), Entry(2, "step=2 loss=1"), Entry(3, "12.5it/s]")]);

        Assert.True(index.Read("loss")!.BySteps);
        Assert.False(index.Read("it/s")!.BySteps);
        Assert.False(index.Read("step")!.BySteps);
        Assert.Equal([1L, 2L], index.Read("loss")!.Series[0].Points.Select(p => p.Step));
    }

    [Fact]
    public void An_Unchanged_Key_Hands_Out_The_Same_Chart_And_A_Changed_One_A_New_Version()
    {
        var store = new LogStore();
        using var index = new MetricIndex(store);
        store.Add([Entry(1, "loss=2 lr=1")]);
        var before = index.Read("loss");

        store.Add([Entry(2, "lr=0.5")]);
        Assert.Same(before, index.Read("loss"));

        store.Add([Entry(3, "loss=1")]);
        Assert.NotEqual(before!.Version, index.Read("loss")!.Version);
    }

    [Fact]
    public void Evicted_Lines_Keep_Their_Points()
    {
        var store = new LogStore(capacity: 10);
        using var index = new MetricIndex(store);

        for (var i = 0; i < 30; i++)
        {
            store.Add([Entry(i, $"loss={i}", level: LogLevel.Info)]);
        }

        Assert.Equal(10, store.Current.Count);
        Assert.Equal(30, PointsOf(index, "loss", null).Count);
    }

    [Fact]
    public void Lines_Shed_From_The_Newest_End_For_Older_History_Leave_And_Come_Back_Once_When_Read_Again()
    {
        // Given: a full store of step lines, charted
        const long Ms = 1_000_000;
        List<LogEntry> Steps(int from, int count) => [.. Enumerable.Range(from, count).Select(i => Entry(i * Ms, $"step={i} loss={i}", "r-1"))];
        var store = new LogStore(capacity: 100);
        using var index = new MetricIndex(store, pointsPerSeries: 10_000);
        store.Add(Steps(1000, 100));

        // When: older history pushes the newest 10 out, then the live end is read again from the cut
        store.AddOlder(Steps(900, 10));
        var cut = store.Current.CutNanos!.Value;
        var atCut = PointsOf(index, "loss", "r-1");
        store.ClearCut();
        store.Add(Steps(1090, 10));

        // Then: while cut, the shed lines' points are gone; read again, every step is one point
        Assert.Equal(100, atCut.Count);
        Assert.True(atCut[^1].Nanos < cut);
        var points = PointsOf(index, "loss", "r-1");
        Assert.Equal([.. Enumerable.Range(900, 10).Concat(Enumerable.Range(1000, 100)).Select(i => (i * Ms, (double)i))], points);
        Assert.Equal(110, index.Read("loss")!.Lines);
        Assert.True(index.Read("loss")!.BySteps);
    }
}
