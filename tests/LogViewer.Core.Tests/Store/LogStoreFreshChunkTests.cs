using System.Globalization;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Store;

/// <summary>
/// The store's newest end while late lines arrive: small fresh chunks where late lines land, compacted into full
/// chunks past the late horizon. Late lines within the horizon, across its edge and far beyond it must all land as a
/// sorted model says, with snapshots, grouping, counts and eviction unchanged by the compaction.
/// </summary>
public sealed class LogStoreFreshChunkTests
{
    private const long Ms = 1_000_000;

    [Theory]
    [InlineData(1, 1_000_000)]
    [InlineData(2, 1_000_000)]
    [InlineData(3, 30_000)]
    public void Random_Streams_With_Late_Lines_At_Every_Depth_Equal_A_Sorted_Model(int seed, int capacity)
    {
        // Given: a store and the sorted reference model, fed the same random batches
        var random = new Random(seed);
        var store = new LogStore(capacity);
        var model = new StoreModel(capacity);
        var newest = 0L;
        var sequence = 0;
        for (var batch = 0; batch < 120; batch++)
        {
            // When: a batch of new lines (some sharing a timestamp) with late lines a few, thousands, or more than
            // the late horizon of lines back, some on a timestamp already held
            var entries = new List<LogEntry>();
            var size = random.Next(1, 1200);
            for (var i = 0; i < size; i++)
            {
                newest += random.Next(3) == 0 ? 0 : random.Next(1, 400) * 1000;
                entries.Add(Line(newest, sequence++, random));
                if (random.NextDouble() < 0.02 && model.Entries.Count > 0)
                {
                    var depth = random.Next(4) switch
                    {
                        0 => random.Next(0, 50),
                        1 => random.Next(0, LogStore.LateHorizonEntries),
                        2 => random.Next(LogStore.LateHorizonEntries - 500, LogStore.LateHorizonEntries + 5000),
                        _ => random.Next(0, model.Entries.Count),
                    };
                    var at = model.Entries[Math.Max(0, model.Entries.Count - 1 - depth)].TimestampNanos;
                    entries.Add(Line(at - (random.Next(2) * 1000), sequence++, random));
                }
            }

            store.Add(entries);
            model.Add(entries);

            // Then: every few batches the store holds exactly the model's lines, in its order, with its counts
            if (batch % 10 == 9 || batch == 119)
            {
                var snapshot = store.Current;
                Assert.Equal(model.Entries, Entries(snapshot));
                Assert.Equal(model.Evicted, snapshot.EvictedCount);
                Assert.Equal(model.Entries.Count(e => e.Level == LogLevel.Error), snapshot.Counts.ForLevel(LogLevel.Error));
                Assert.Equal(model.Entries.Count(e => e.Replica == "b"), snapshot.Counts.ForReplica("b"));
            }
        }

        Assert.True(store.Current.Count + store.Current.EvictedCount > 4 * LogStore.LateHorizonEntries, "the stream passes the horizon several times");
    }

    [Fact]
    public void A_Snapshot_Taken_Before_Late_Inserts_And_Compaction_Keeps_Its_Rows()
    {
        // Given: a store in its fresh mode (a late line came) and a snapshot of it
        var store = new LogStore();
        store.Add([.. Enumerable.Range(0, 3000).Select(i => Entry(i * 10L, $"first {i}"))]);
        store.Add([Entry(5, "late")]);
        var before = store.Current;
        var rowsBefore = Rows(before);

        // When: more than the horizon of lines follows, with late lines into the lines the snapshot holds
        for (var batch = 0; batch < 40; batch++)
        {
            var start = 30_000L + (batch * 10_000L);
            store.Add([.. Enumerable.Range(0, 1000).Select(i => Entry(start + (i * 10L))), Entry((batch * 70L) + 3, "late again")]);
        }

        // Then: the snapshot reads what it read, and the store holds every line in order
        Assert.Equal(rowsBefore, Rows(before));
        var timestamps = Rows(store.Current).Select(r => r.TimestampNanos).ToList();
        Assert.Equal(3001 + 40_040, timestamps.Count);
        Assert.Equal(timestamps.Order(), timestamps);
    }

    [Fact]
    public void An_Entry_Open_When_Its_Chunk_Is_Compacted_Still_Gathers_Its_Later_Lines()
    {
        // Given: a traceback of replica a begun in a fresh chunk (its first line only), and a view on its exception line
        var store = new LogStore();
        using var view = new FilteredView(store, new TextFilter("ValueError"));
        store.Add([Entry(0, "warm-up", "b"), Entry(100, "traceback soon", "a")]);
        store.Add([Entry(50, "late, so small chunks", "b")]);
        store.Add([Entry(200 * Ms, "Traceback (most recent call last):", "a")]);

        // When: more than the horizon of replica b's lines follows within the grouping window, late lines in the first
        // batches only (a batch with late lines reads the open entries afresh; the chunk holding the traceback's start
        // is compacted in a later one), then the traceback's other lines
        for (var batch = 0; batch < 24; batch++)
        {
            var start = (200 * Ms) + 10 + (batch * 1000L);
            var lines = Enumerable.Range(0, 1000).Select(i => Entry(start + i, $"b {batch} {i}", "b")).ToList();
            if (batch < 10)
            {
                lines.Add(Entry(start - 5, "late b", "b"));
            }

            store.Add(lines);
        }

        Assert.Equal("Traceback (most recent call last):", store.Current.MessageAt(3));
        var (chunk, _) = store.Current.Locate(3);
        Assert.True(chunk.Count > LogStore.FreshEntries, "the traceback's first line is in a compacted chunk");
        store.Add([Entry(700 * Ms, "  File \"train.py\", line 3, in <module>", "a"), Entry((700 * Ms) + 1, "ValueError: bad shape", "a")]);

        // Then: the view, and a view made afresh, show the whole traceback as one entry
        string[] traceback = ["Traceback (most recent call last):", "  File \"train.py\", line 3, in <module>", "ValueError: bad shape"];
        Assert.Equal(traceback, Messages(view.Current));
        using var afresh = new FilteredView(store, new TextFilter("ValueError"));
        Assert.Equal(traceback, Messages(afresh.Current));
    }

    [Fact]
    public void Lines_After_Older_History_Shed_The_Newest_Keep_Timestamp_And_Arrival_Order()
    {
        // Given: a full store in its fresh mode
        var store = new LogStore(capacity: 20_000);
        var sequence = 0;
        var random = new Random(7);
        for (var batch = 0; batch < 25; batch++)
        {
            var start = (1_000 + (batch * 1000L)) * Ms;
            store.Add([.. Enumerable.Range(0, 1000).Select(i => Line(start + (i * Ms / 2), sequence++, random)), Line(start - (600 * Ms), sequence++, random)]);
        }

        // When: older history sheds the newest lines, then the cut is cleared and the tail goes on with late lines
        store.AddOlder([.. Enumerable.Range(0, 3000).Select(i => Line(i * Ms / 10, sequence++, random))]);
        Assert.NotNull(store.Current.CutNanos);
        store.ClearCut();
        var resume = store.Current.TimestampAt(store.Current.Count - 1);
        for (var batch = 0; batch < 25; batch++)
        {
            var start = resume + ((batch + 1) * 1000L * Ms);
            store.Add([.. Enumerable.Range(0, 1000).Select(i => Line(start + (i * Ms / 2), sequence++, random)), Line(start - (600 * Ms), sequence++, random)]);
        }

        // Then: what is held is ordered by timestamp, equal timestamps by arrival, and the counts add up
        var rows = Entries(store.Current);
        Assert.Equal(20_000, rows.Count);
        var keys = rows.Select(r => (r.TimestampNanos, Sequence(r))).ToList();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(rows.Count(r => r.Replica == "a"), store.Current.Counts.ForReplica("a"));
    }

    [Fact]
    public void Late_Lines_That_Regroup_Lines_Kept_In_A_Shared_Prefix_Leave_An_Earlier_Snapshot_Unchanged()
    {
        // Given: a store in its fresh mode, whose newest fresh chunk C begins with a line of replica b followed by five
        // indented lines of replica a, more than the grouping window after a's previous line (so they are an entry of
        // their own)
        var store = new LogStore();
        store.Add([Entry(0, "a before", "a"), .. Enumerable.Range(1, 3000).Select(i => Entry(i * Ms, $"b {i}", "b"))]);
        store.Add([Entry(5, "late, so small chunks", "b")]);
        var t = 3000L;
        while (store.Current.Locate(store.Current.Count - 1).Local != 0 || store.Current.Count < 5000)
        {
            store.Add([Entry(++t * Ms, $"b {t}", "b")]);
        }

        var cStart = store.Current.Count - 1;
        store.Add([.. Enumerable.Range(1, 5).Select(k => Entry((t * Ms) + k, $"  frame {k}", "a")), .. Enumerable.Range(1, 50).Select(i => Entry((t + i) * Ms, $"b {t + i}", "b"))]);
        var before = store.Current;
        var rowsBefore = Rows(before);
        var groupingBefore = Grouping(before);
        Assert.NotEqual(before.Locate(cStart - 2).Chunk, before.Locate(cStart).Chunk);

        // When: one batch brings a traceback start of replica a late into the chunk before C (it now heads the frames'
        // entry) and a late line of b into C after the frames (C is split there, its first entries kept in its arrays)
        var tracebackAt = before.TimestampAt(cStart - 1) - 1;
        var splitAt = before.TimestampAt(cStart + 20) - 1;
        store.Add([Entry(tracebackAt, "Traceback (most recent call last):", "a"), Entry(splitAt, "late b", "b")]);

        // Then: the earlier snapshot reads the same rows, grouped as they were; the store has the frames in the
        // traceback's entry and every line in timestamp order
        Assert.Equal(rowsBefore, Rows(before));
        Assert.Equal(groupingBefore, Grouping(before));
        var after = store.Current;
        var traceback = after.LowerBound(tracebackAt);
        Assert.Equal("Traceback (most recent call last):", after.MessageAt(traceback));
        var frames = Enumerable.Range(0, after.Count).Where(row => after.MessageAt(row).StartsWith("  frame", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, frames.Count);
        var entryOf = Grouping(after);
        Assert.All(frames, row => Assert.Equal(entryOf[traceback].EntryId, entryOf[row].EntryId));
        Assert.All(frames, row => Assert.NotEqual(entryOf[traceback].EntryId, groupingBefore[row - 1].EntryId));
        var timestamps = Rows(after).Select(r => r.TimestampNanos).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
        Assert.Equal(rowsBefore.Count + 2, timestamps.Count);
    }

    private static List<(long EntryId, int Mark)> Grouping(LogSnapshot snapshot) =>
        [.. Enumerable.Range(0, snapshot.Count).Select(row =>
        {
            var (chunk, local) = snapshot.Locate(row);
            return (chunk.EntryId(local), chunk.EntryMarkAt(local).Bits);
        })];

    private static List<string> Messages(FilteredSnapshot snapshot) =>
        [.. Enumerable.Range(0, snapshot.Count).Select(row => snapshot[row].Message)];

    // Messages carry their arrival number, so a wrong order of equal timestamps shows.
    private static LogEntry Line(long timestamp, int sequence, Random random) => Entry(
        timestamp,
        $"{sequence} {new string('x', random.Next(0, 120))}",
        replica: random.Next(3) == 0 ? "a" : "b",
        level: random.Next(10) == 0 ? LogLevel.Error : LogLevel.Info);

    private static int Sequence(LogEntry entry) =>
        int.Parse(entry.Message.AsSpan(0, entry.Message.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
}
