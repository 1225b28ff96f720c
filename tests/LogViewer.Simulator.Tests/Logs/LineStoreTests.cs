using LogViewer.Simulator.Logs;

namespace LogViewer.Simulator.Tests.Logs;

public sealed class LineStoreTests
{
    private static readonly DateTimeOffset Now = ManualTimeProvider.DefaultStart;

    [Fact]
    public void Lines_Added_Out_Of_Order_Are_Served_In_Timestamp_Order_With_Ties_In_Insertion_Order()
    {
        // Given lines added out of timestamp order, three of them on one nanosecond
        var store = new LineStore();
        foreach (var (ts, text) in new[] { (30L, "c"), (10L, "a"), (20L, "tie 1"), (20L, "tie 2"), (5L, "first"), (20L, "tie 3"), (40L, "d") })
        {
            store.Add(Line(ts, text));
        }

        // When everything is read both ways
        var ascending = store.Query(long.MinValue, long.MaxValue, LineFilter.None, ascending: true, 100, Now);
        var descending = store.Query(long.MinValue, long.MaxValue, LineFilter.None, ascending: false, 100, Now);

        // Then ascending is by timestamp with ties as inserted, and descending mirrors it
        Assert.Equal(["first", "a", "tie 1", "tie 2", "tie 3", "c", "d"], ascending.Select(line => line.Message));
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Fact]
    public void Range_Bounds_Are_Inclusive_On_Both_Sides()
    {
        var store = new LineStore();
        for (var ts = 0L; ts < 10; ts++)
        {
            store.Add(Line(ts, ts.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var page = store.Query(3, 6, LineFilter.None, ascending: true, 100, Now);

        Assert.Equal(["3", "4", "5", "6"], page.Select(line => line.Message));
    }

    [Fact]
    public void Limit_Counts_Only_Visible_Matching_Lines()
    {
        var store = new LineStore();
        store.Add(Line(1, "visible 1"));
        store.Add(Line(2, "hidden", Now.AddSeconds(1)));
        store.Add(Line(3, "visible 2"));
        store.Add(Line(4, "visible 3"));

        var page = store.Query(0, 10, LineFilter.None, ascending: true, 2, Now);

        Assert.Equal(["visible 1", "visible 2"], page.Select(line => line.Message));
    }

    [Fact]
    public void Snapshot_Is_The_Full_Ascending_Order_Including_Hidden_Lines()
    {
        var store = new LineStore();
        store.Add(Line(2, "b", Now.AddHours(1)));
        store.Add(Line(1, "a"));

        var snapshot = store.Snapshot();

        Assert.Equal(["a", "b"], snapshot.Select(line => line.Message));
        Assert.Equal(Now.AddHours(1), snapshot[1].VisibleAt);
    }

    private static SimulatedLine Line(long ts, string message, DateTimeOffset? visibleAt = null) =>
        new(ts, message, "abcde", null, "INFO", visibleAt ?? Now);
}
