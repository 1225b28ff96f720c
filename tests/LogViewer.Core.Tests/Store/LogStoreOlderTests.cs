using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Store;

/// <summary>
/// History loaded on demand while reading far back: past capacity the newest lines are shed, in whole milliseconds,
/// and nothing at or after the cut is taken until the live end is read again.
/// </summary>
public sealed class LogStoreOlderTests
{
    private const long Ms = 1_000_000;

    // n lines, two per millisecond, from millisecond `fromMs`.
    private static List<LogEntry> Lines(long fromMs, int n, string prefix = "live") =>
        [.. Enumerable.Range(0, n).Select(i => Entry(((fromMs + (i / 2)) * Ms) + (i % 2), $"{prefix} {i}", replica: i % 3 == 0 ? "a" : "b"))];

    [Fact]
    public void Older_Lines_Past_Capacity_Shed_The_Newest_Whole_Milliseconds_And_Keep_What_Was_Read()
    {
        var store = new LogStore(capacity: 100);
        var live = Lines(1_000, 100);
        store.Add(live);

        var older = Lines(500, 11, "old");
        store.AddOlder(older);

        var held = Entries(store.Current);
        // 111 lines for 100 places: 11 must go, from the newest end; the twelfth from the end shares its millisecond
        // with the eleventh, so it goes too: the cut is a millisecond's start.
        Assert.Equal(99, held.Count);
        Assert.Equal([.. older, .. live.Take(88)], held);
        Assert.Equal(live[88].EpochMillis * Ms, store.Current.CutNanos);
        Assert.Equal(12, store.Current.ShedCount);
        Assert.Equal(0, store.Current.EvictedCount);
        Assert.Equal(held.Count(e => e.Replica == "a"), store.Current.Counts.ForReplica("a"));
        Assert.Equal(99, store.Current.Counts.Total);
    }

    [Fact]
    public void Lines_At_Or_After_The_Cut_Are_Not_Held_Until_The_Cut_Is_Cleared()
    {
        var store = new LogStore(capacity: 100);
        store.Add(Lines(1_000, 100));
        store.AddOlder(Lines(500, 20, "old"));
        var cut = store.Current.CutNanos!.Value;
        var countAtCut = store.Current.Count;

        // The live tail goes on: a new line is not held; a late one before the cut is, and the newest millisecond
        // (two lines) makes room for it, not the oldest the user reads.
        Assert.Equal(100, countAtCut);
        store.Add([Entry(cut + (5 * Ms), "new after the cut"), Entry(cut - (10 * Ms), "late before the cut")]);
        Assert.Equal(99, store.Current.Count);
        Assert.Equal(0, store.Current.EvictedCount);
        Assert.Equal(cut - Ms, store.Current.CutNanos);
        Assert.StartsWith("old", Entries(store.Current)[0].Message, StringComparison.Ordinal);
        Assert.Contains(Entries(store.Current), e => e.Message == "late before the cut");
        Assert.DoesNotContain(Entries(store.Current), e => e.Message == "new after the cut");

        store.ClearCut();
        Assert.Null(store.Current.CutNanos);
        store.Add([Entry(cut + (5 * Ms), "new after the cut")]);
        Assert.Equal("new after the cut", Entries(store.Current)[^1].Message);
        Assert.Equal(100, store.Current.Count);
        store.Add([Entry(cut + (6 * Ms), "one more")]);
        // Following again evicts the oldest, as always.
        Assert.Equal(1, store.Current.EvictedCount);
    }

    [Fact]
    public void A_Filtered_View_Counts_What_Is_Held_After_A_Shed()
    {
        var store = new LogStore(capacity: 5_000);
        using var view = new FilteredView(store, new ReplicaFilter(["a"]));
        store.Add(Lines(100_000, 5_000));
        // Pages of older history, each shedding newest lines across chunk boundaries (4096 lines a chunk).
        for (var page = 1; page <= 5; page++)
        {
            store.AddOlder(Lines(100_000 - (page * 1_000), 1_000, $"old{page}"));
        }

        var held = Entries(store.Current);
        Assert.True(held.Count <= 5_000);
        Assert.Equal(held.Count(e => e.Replica == "a"), view.Current.Count);
        Assert.Equal(held.OrderBy(e => e.TimestampNanos).ToList(), held);
        Assert.Equal(held.Count, store.Current.Counts.Total);
        Assert.True(held[^1].TimestampNanos < store.Current.CutNanos);
    }
}
