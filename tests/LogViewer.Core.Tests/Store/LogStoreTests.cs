using LogViewer.Core.Model;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Store;

public sealed class LogStoreTests
{
    [Fact]
    public void Entries_Are_Read_Back_In_Timestamp_Order_With_All_Fields()
    {
        var store = new LogStore();

        store.Add([Entry(1, "first", "abcde", "req-1", LogLevel.Debug), Entry(2, "second ✓ ünïcode", null, null, LogLevel.None)]);

        var snapshot = store.Current;
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(new LogRow(snapshot[0].Id, 1, LogLevel.Debug, "abcde", "req-1", "first"), snapshot[0]);
        Assert.Equal("second ✓ ünïcode", snapshot.MessageAt(1));
        Assert.Null(snapshot[1].Replica);
        Assert.Equal(LogLevel.None, snapshot.LevelAt(1));
    }

    [Fact]
    public void Late_Entries_Are_Inserted_In_Place_After_Equal_Timestamps()
    {
        var store = new LogStore();
        store.Add([Entry(10, "a"), Entry(20, "b"), Entry(30, "c")]);

        store.Add([Entry(20, "late-20"), Entry(5, "late-5"), Entry(25, "late-25"), Entry(40, "new")]);

        Assert.Equal(["late-5", "a", "b", "late-20", "late-25", "c", "new"], Rows(store.Current).Select(r => r.Message));
    }

    [Fact]
    public void Late_Entries_Spanning_Many_Chunks_Keep_Order()
    {
        var store = new LogStore();
        store.Add(Enumerable.Range(0, 10_000).Select(i => Entry(i * 2L)).ToList());

        store.Add(Enumerable.Range(0, 10_000).Select(i => Entry((i * 2L) + 1)).ToList());

        var timestamps = Rows(store.Current).Select(r => r.TimestampNanos).ToList();
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), timestamps);
    }

    [Fact]
    public void Past_Capacity_The_Oldest_Are_Evicted_And_Counted()
    {
        var store = new LogStore(capacity: 5);

        store.Add(Enumerable.Range(1, 8).Select(i => Entry(i, level: i % 2 == 0 ? LogLevel.Error : LogLevel.Info)).ToList());

        var snapshot = store.Current;
        Assert.Equal(5, snapshot.Count);
        Assert.Equal(3, snapshot.EvictedCount);
        Assert.Equal([4L, 5, 6, 7, 8], Rows(snapshot).Select(r => r.TimestampNanos));
        Assert.Equal(3, snapshot.Counts.ForLevel(LogLevel.Error));
        Assert.Equal(2, snapshot.Counts.ForLevel(LogLevel.Info));
        Assert.Equal(5, snapshot.Counts.Total);
    }

    [Fact]
    public void A_Late_Entry_Older_Than_Everything_At_Capacity_Is_Evicted_At_Once()
    {
        var store = new LogStore(capacity: 3);
        store.Add([Entry(10), Entry(20), Entry(30)]);

        store.Add([Entry(5)]);

        Assert.Equal([10L, 20, 30], Rows(store.Current).Select(r => r.TimestampNanos));
        Assert.Equal(1, store.Current.EvictedCount);
    }

    [Fact]
    public void Counts_Follow_Replicas_And_Levels()
    {
        var store = new LogStore(capacity: 4);

        store.Add([Entry(1, replica: "aaaaa"), Entry(2, replica: "bbbbb", level: LogLevel.Warning), Entry(3, replica: "aaaaa"), Entry(4), Entry(5, replica: "bbbbb")]);

        var counts = store.Current.Counts;
        Assert.Equal(1, counts.ForReplica("aaaaa"));
        Assert.Equal(2, counts.ForReplica("bbbbb"));
        Assert.Equal(1, counts.ForReplica(null));
        Assert.Equal(0, counts.ForReplica("zzzzz"));
        Assert.Equal(1, counts.ForLevel(LogLevel.Warning));
        Assert.Equal([new KeyValuePair<string?, long>(null, 1), new("aaaaa", 1), new("bbbbb", 2)], counts.ByReplica);
    }

    [Fact]
    public void A_Snapshot_Does_Not_Change_When_The_Store_Appends_Inserts_And_Evicts()
    {
        var store = new LogStore(capacity: 6000);
        store.Add(Enumerable.Range(0, 5000).Select(i => Entry(i * 10L)).ToList());
        var before = store.Current;
        var rowsBefore = Rows(before);

        store.Add(Enumerable.Range(0, 3000).Select(i => Entry((i * 10L) + 5)).ToList());

        Assert.Equal(rowsBefore, Rows(before));
        Assert.Equal(6000, store.Current.Count);
        Assert.True(store.Current.LayoutVersion > before.LayoutVersion);
    }

    [Fact]
    public void IndexOf_Finds_An_Entry_By_Id_After_Late_Inserts_Moved_It()
    {
        var store = new LogStore();
        store.Add([Entry(10, "x"), Entry(10, "y"), Entry(20, "z")]);
        var y = store.Current[1];

        store.Add([Entry(1), Entry(2)]);

        Assert.Equal(3, store.Current.IndexOf(y.Id, y.TimestampNanos));
        Assert.Equal(-1, store.Current.IndexOf(12345, y.TimestampNanos));
        Assert.Equal(2, store.Current.LowerBound(10));
        Assert.Equal(5, store.Current.LowerBound(21));
    }

    [Fact]
    public void Rates_Count_Lines_Per_Second_By_Level_Over_The_Last_Minute()
    {
        var store = new LogStore();
        const long second = 1_000_000_000L;

        store.Add([
            Entry(100 * second, level: LogLevel.Error), Entry((100 * second) + 1, level: LogLevel.Info),
            Entry(101 * second, level: LogLevel.Info), Entry(101 * second, level: LogLevel.Info),
            Entry(30 * second, level: LogLevel.Info),
        ]);

        var rates = store.Current.Rates;
        Assert.Equal(101, rates.NewestSecond);
        Assert.Equal(2, rates.InSecond(0, LogLevel.Info));
        Assert.Equal(1, rates.InSecond(1, LogLevel.Error));
        Assert.Equal(2, rates.InSecond(1));
        Assert.Equal(2.0, rates.PerSecond(2));
        Assert.Equal(1.0, rates.PerSecond(2, LogLevel.Info, nowEpochNanos: 102 * second));
        Assert.Equal(0.0, rates.PerSecond(5, nowEpochNanos: 200 * second));
    }

    [Fact]
    public void Rates_Count_Each_Replica_In_Log_Time_Including_Late_Lines()
    {
        var store = new LogStore();
        const long second = 1_000_000_000L;

        store.Add([Entry(100 * second, replica: "a"), Entry(101 * second, replica: "a"), Entry(101 * second, replica: "b")]);
        // Late lines land in their own second, for their own replica; one older than the minute changes no rate.
        store.Add([Entry((100 * second) + 5, replica: "b"), Entry(10 * second, replica: "b")]);

        var rates = store.Current.Rates;
        Assert.Equal(1.0, rates.ReplicaPerSecond("a", 2));
        Assert.Equal(1.0, rates.ReplicaPerSecond("b", 2));
        Assert.Equal(0.5, rates.ReplicaPerSecond("b", 2, nowEpochNanos: 102 * second));
        Assert.Equal(0.0, rates.ReplicaPerSecond("never-seen", 2));
        Assert.Equal(0.0, rates.ReplicaPerSecond("a", 60, nowEpochNanos: 500 * second));
        Assert.Equal(2.0, rates.PerSecond(2));
    }

    [Fact]
    public void Large_And_Empty_Messages_Survive_Chunk_Boundaries()
    {
        var store = new LogStore();
        var big = new string('x', 5_000_000);

        store.Add([Entry(1, "small"), new LogEntry(2, string.Empty, null, null, LogLevel.Info), Entry(3, big), Entry(4, "after")]);

        Assert.Equal(["small", string.Empty, big, "after"], Rows(store.Current).Select(r => r.Message));
    }

    [Fact]
    public void A_Late_Insert_Among_Large_Messages_Splits_The_Rebuilt_Chunk_By_Text_Size()
    {
        var store = new LogStore();
        var large = Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 1_500_000)).ToList();
        store.Add(large.Select((text, i) => Entry(i * 10L, text)).ToList());
        store.Add(Enumerable.Range(0, 3000).Select(i => Entry(100L + i)).ToList());

        store.Add([Entry(5, "late-5"), Entry(25, "late-25"), Entry(1500, "late-1500")]);

        var messages = Rows(store.Current).Select(r => r.Message).ToList();
        Assert.Equal(3009, messages.Count);
        Assert.Equal([large[0], "late-5", large[1], large[2], "late-25", large[3], large[4], large[5]], messages.Take(8));
        Assert.Equal("late-1500", messages[8 + 1400 + 1]);
        Assert.True(Rows(store.Current).Zip(Rows(store.Current).Skip(1)).All(pair => pair.First.TimestampNanos <= pair.Second.TimestampNanos));
    }
}
