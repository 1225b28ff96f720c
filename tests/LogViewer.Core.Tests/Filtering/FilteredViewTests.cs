using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Filtering;

public sealed class FilteredViewTests
{
    private static readonly string[] Words = ["loss", "step", "LOSS", "lr", "error", "Ärger", "request", "tqdm", "ok", "=", "0.5"];
    private static readonly string?[] Replicas = [null, "aaaaa", "bbbbb", "ccccc"];

    private static IEnumerable<LogFilter> Filters()
    {
        Assert.True(RegexFilter.TryCreate(@"loss\s*=?\s*0", ignoreCase: true, out var regex, out _));
        return
        [
            LogFilter.All,
            new TextFilter("loss"),
            new TextFilter("LOSS", IgnoreCase: true),
            new TextFilter("ärger", IgnoreCase: true),
            new MinLevelFilter(LogLevel.Warning),
            new ReplicaFilter(["aaaaa", null]),
            new TextFilter("step").And(new NotFilter(new TextFilter("error"))).And(new ReplicaFilter(["bbbbb"], hide: true)),
            regex!,
        ];
    }

    [Fact]
    public void Incremental_Maintenance_Equals_A_Full_Refilter_On_Random_Streams()
    {
        // Given: a seeded random stream of appends, late lines and evictions, and one view per filter.
        var random = new Random(20261122);
        const int capacity = 9000;
        var store = new LogStore(capacity);
        var model = new StoreModel(capacity);
        var views = Filters().Select(filter => new FilteredView(store, filter)).ToList();
        var newest = 0L;

        for (var batch = 0; batch < 40; batch++)
        {
            // When: a batch arrives, partly new lines and partly late ones.
            var entries = new List<LogEntry>();
            var size = random.Next(1, 1500);
            for (var i = 0; i < size; i++)
            {
                var late = random.NextDouble() < 0.1;
                var timestamp = late ? Math.Max(0, newest - random.Next(0, 20_000)) : newest += random.Next(0, 3);
                entries.Add(RandomEntry(random, timestamp));
            }

            store.Add(entries);
            model.Add(entries);

            // Then: every view holds exactly the model's lines that its filter keeps, with matching counts.
            foreach (var view in views)
            {
                AssertViewMatchesModel(view.Current, model, store.Current);
            }
        }

        Assert.True(store.Current.EvictedCount > 0);
        Assert.True(store.Current.LayoutVersion > 10);
        views.ForEach(view => view.Dispose());
    }

    [Fact]
    public async Task Refilter_And_Narrowing_Equal_A_Fresh_View()
    {
        // Given: a store with several chunks and a view filtered on "lo".
        var random = new Random(7);
        var store = new LogStore(20_000);
        store.Add(Enumerable.Range(0, 25_000).Select(i => RandomEntry(random, i)).ToList());
        using var view = new FilteredView(store, new TextFilter("lo", IgnoreCase: true));

        // When: the filter narrows one keystroke at a time, then widens, then becomes a composite.
        LogFilter[] steps =
        [
            new TextFilter("los", IgnoreCase: true),
            new TextFilter("loss", IgnoreCase: true),
            new TextFilter("loss", IgnoreCase: true).And(new MinLevelFilter(LogLevel.Info)),
            new TextFilter("lo"),
            new NotFilter(new TextFilter("step")),
            new NotFilter(new TextFilter("ste")),
        ];
        foreach (var filter in steps)
        {
            Assert.True(await view.SetFilterAsync(filter));

            // Then: each result equals a view built from scratch with that filter.
            using var fresh = new FilteredView(store, filter);
            Assert.Equal(RowsOf(fresh.Current), RowsOf(view.Current));
            Assert.Equal(filter, view.Filter);
            Assert.Equal(fresh.Current.Counts.ByReplica, view.Current.Counts.ByReplica);
        }
    }

    [Fact]
    public async Task A_Parallel_Refilter_Of_Many_Chunks_Equals_Incremental_Maintenance()
    {
        // Given: views that grew batch by batch over a store of many chunks.
        var random = new Random(99);
        var store = new LogStore(150_000);
        var grown = Filters().Select(filter => new FilteredView(store, filter)).ToList();
        for (var batch = 0; batch < 40; batch++)
        {
            store.Add(Enumerable.Range(0, 5000).Select(i => RandomEntry(random, (batch * 5000L) + i)).ToList());
        }

        // When: one view re-filters the whole store to each filter in turn.
        using var refiltered = new FilteredView(store);
        foreach (var view in grown)
        {
            Assert.True(await refiltered.SetFilterAsync(view.Filter));

            // Then: it holds the same rows and counts as the view maintained incrementally.
            Assert.Equal(RowsOf(view.Current), RowsOf(refiltered.Current));
            Assert.Equal(view.Current.Counts.ByReplica, refiltered.Current.Counts.ByReplica);
            view.Dispose();
        }

        Assert.Equal(50_000, store.Current.EvictedCount);
    }

    [Fact]
    public async Task A_Superseded_Refilter_Is_Cancelled_And_Never_Applied()
    {
        // Given: a re-filter that is blocked in the middle of its scan.
        var store = new LogStore();
        store.Add(Enumerable.Range(0, 10_000).Select(i => Entry(i, i % 2 == 0 ? "even" : "odd")).ToList());
        using var view = new FilteredView(store);
        using var gate = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        var blocked = view.SetFilterAsync(new BlockingFilter(gate, started));
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30)));

        // When: a newer filter is set, and then the old scan is released.
        var newer = await view.SetFilterAsync(new TextFilter("odd"));
        gate.Set();

        // Then: the old one reports it was superseded and the view shows the newer filter.
        Assert.True(newer);
        Assert.False(await blocked);
        Assert.Equal(new TextFilter("odd"), view.Filter);
        Assert.Equal(5000, view.Current.Count);
    }

    [Fact]
    public async Task Refilters_Run_On_The_Injected_Scheduler_And_Only_The_Newest_Queued_One_Applies()
    {
        // Given: a view whose re-filters run on a scheduler the test drives.
        var store = new LogStore();
        store.Add(Enumerable.Range(0, 100).Select(i => Entry(i, i % 2 == 0 ? "even" : "odd")).ToList());
        var scheduler = new System.Reactive.Concurrency.HistoricalScheduler();
        using var view = new FilteredView(store, refilterScheduler: scheduler);

        // When: two filters are asked for before the scheduler runs anything.
        var older = view.SetFilterAsync(new TextFilter("even"));
        var newer = view.SetFilterAsync(new TextFilter("odd"));

        // Then: nothing changes until it runs; then the older one reports it was superseded and the newer one shows.
        Assert.False(older.IsCompleted);
        Assert.Equal(LogFilter.All, view.Filter);
        scheduler.Start();
        Assert.False(await older);
        Assert.True(await newer);
        Assert.Equal(new TextFilter("odd"), view.Filter);
        Assert.Equal(50, view.Current.Count);
    }

    [Fact]
    public async Task Rapid_Keystrokes_Each_Supersede_The_Last_And_Only_The_Last_Is_Shown()
    {
        // Given: a store large enough for parallel scans.
        var random = new Random(5);
        var store = new LogStore();
        store.Add(Enumerable.Range(0, 120_000).Select(i => RandomEntry(random, i)).ToList());
        using var view = new FilteredView(store);

        // When: a filter is typed one character at a time without waiting, then widened again.
        var typed = new[] { "l", "lo", "los", "loss", "los", "lo", "LOSS" };
        var tasks = typed.Select(text => view.SetFilterAsync(new TextFilter(text, IgnoreCase: text == "LOSS"))).ToList();
        var results = await Task.WhenAll(tasks);

        // Then: no call failed, the last one applied, and the view equals a fresh one with that filter.
        Assert.True(results[^1]);
        Assert.Equal(new TextFilter("LOSS", IgnoreCase: true), view.Filter);
        using var fresh = new FilteredView(store, view.Filter);
        Assert.Equal(fresh.Current.Count, view.Current.Count);
    }

    [Fact]
    public async Task A_Cancelled_Refilter_Leaves_The_View_As_It_Was()
    {
        var store = new LogStore();
        store.Add([Entry(1, "a"), Entry(2, "b")]);
        using var view = new FilteredView(store, new TextFilter("a"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var applied = await view.SetFilterAsync(new TextFilter("b"), cancelled.Token);

        Assert.False(applied);
        Assert.Equal(new TextFilter("a"), view.Filter);
        Assert.Equal(1, view.Current.Count);
    }

    [Fact]
    public void Counts_Within_The_Filter_Follow_Appends_And_Evictions()
    {
        var store = new LogStore(capacity: 4);
        using var view = new FilteredView(store, new TextFilter("keep"));

        store.Add([
            Entry(1, "keep", "aaaaa", level: LogLevel.Error), Entry(2, "drop", "aaaaa"), Entry(3, "keep", "bbbbb"),
            Entry(4, "keep", "aaaaa", level: LogLevel.Warning), Entry(5, "drop"),
        ]);

        var counts = view.Current.Counts;
        Assert.Equal(2, counts.Total);
        Assert.Equal(1, counts.ForReplica("aaaaa"));
        Assert.Equal(1, counts.ForReplica("bbbbb"));
        Assert.Equal(0, counts.ForLevel(LogLevel.Error));
        Assert.Equal(1, counts.ForLevel(LogLevel.Warning));
        Assert.Equal(4, view.Current.Store.Counts.Total);
    }

    [Fact]
    public void Rows_Can_Be_Found_By_Entry_Time_And_Predicate()
    {
        var store = new LogStore();
        store.Add(Enumerable.Range(0, 10_000).Select(i => Entry(i * 10L, $"line {i}", level: i % 100 == 59 ? LogLevel.Error : LogLevel.Info)).ToList());
        using var view = new FilteredView(store, new TextFilter("5"));
        var snapshot = view.Current;
        var target = store.Current[5555];

        var row = snapshot.IndexOf(target.Id, target.TimestampNanos);

        Assert.Equal(target, snapshot[row]);
        Assert.Equal(5555, snapshot.StoreIndexOf(row));
        Assert.Equal(-1, snapshot.IndexOf(store.Current[1].Id, 10));
        Assert.Equal(row, snapshot.RowAtOrAfterTime(55550));
        Assert.Equal(row + 1, snapshot.RowAtOrAfterTime(55551));

        var nextError = snapshot.FindNext(row, new LevelFilter(LogLevel.Error));
        Assert.Equal("line 5559", snapshot.MessageAt(nextError));
        var previousError = snapshot.FindNext(row, new LevelFilter(LogLevel.Error), forward: false);
        Assert.Equal("line 5459", snapshot.MessageAt(previousError));
        Assert.Equal("line 9959", snapshot.MessageAt(snapshot.FindNext(snapshot.Count, new LevelFilter(LogLevel.Error), forward: false)));
        Assert.Equal(-1, snapshot.FindNext(-1, new TextFilter("no such text")));
    }

    [Fact]
    public async Task Snapshots_Stay_Consistent_While_Another_Thread_Ingests()
    {
        // Given: a writer thread adding batches with late lines to a small store.
        var store = new LogStore(capacity: 20_000);
        using var view = new FilteredView(store, new TextFilter("7"));
        var writer = Task.Run(() =>
        {
            var random = new Random(3);
            var newest = 0L;
            for (var batch = 0; batch < 300; batch++)
            {
                var entries = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.05
                    ? Entry(Math.Max(0, newest - random.Next(1, 50_000)))
                    : Entry(newest += random.Next(1, 4))).ToList();
                store.Add(entries);
            }
        });

        // When: the reader checks snapshots while the writer runs.
        var checkedSnapshots = 0;
        while (!writer.IsCompleted || checkedSnapshots == 0)
        {
            var snapshot = view.Current;
            var previous = long.MinValue;
            for (var row = 0; row < snapshot.Count; row += 1 + (snapshot.Count / 500))
            {
                // Then: rows are ordered, each message belongs to its timestamp, and each row passes the filter.
                var entry = snapshot[row];
                Assert.True(entry.TimestampNanos >= previous);
                Assert.Equal($"line {entry.TimestampNanos}", entry.Message);
                Assert.Contains("7", entry.Message);
                previous = entry.TimestampNanos;
            }

            Assert.Equal(snapshot.Store.Count, snapshot.Store.Counts.Total);
            Assert.Equal(snapshot.Count, snapshot.Counts.Total);
            checkedSnapshots++;
        }

        await writer;
        Assert.Equal(20_000, store.Current.Count);
    }

    private static LogEntry RandomEntry(Random random, long timestamp)
    {
        var words = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Words[random.Next(Words.Length)]);
        return new LogEntry(timestamp, string.Join(' ', words), Replicas[random.Next(Replicas.Length)],
            random.NextDouble() < 0.3 ? $"req-{random.Next(20)}" : null, (LogLevel)random.Next(0, 5));
    }

    private static List<LogRow> RowsOf(FilteredSnapshot snapshot) => Enumerable.Range(0, snapshot.Count).Select(snapshot.GetRow).ToList();

    private static void AssertViewMatchesModel(FilteredSnapshot snapshot, StoreModel model, LogSnapshot store)
    {
        var predicate = new FilteredView(ModelStore(model), snapshot.Filter);
        var expected = RowsOf(predicate.Current).Select(row => row.ToLogEntry()).ToList();
        predicate.Dispose();
        Assert.Equal(expected, RowsOf(snapshot).Select(row => row.ToLogEntry()).ToList());
        Assert.Equal(model.Entries, Entries(store));
        Assert.Equal(model.Evicted, store.EvictedCount);
        foreach (var level in Enum.GetValues<LogLevel>())
        {
            Assert.Equal(expected.Count(e => e.Level == level), snapshot.Counts.ForLevel(level));
        }

        foreach (var replica in Replicas)
        {
            Assert.Equal(expected.Count(e => e.Replica == replica), snapshot.Counts.ForReplica(replica));
        }
    }

    /// <summary>A fresh store holding the model's lines, appended in order: the full re-filter to compare with.</summary>
    private static LogStore ModelStore(StoreModel model)
    {
        var store = new LogStore(Math.Max(1, model.Entries.Count));
        store.Add(model.Entries);
        return store;
    }

    /// <summary>A filter whose scan stops at its first chunk until the gate opens.</summary>
    private sealed record BlockingFilter(ManualResetEventSlim Gate, SemaphoreSlim Started) : LogFilter
    {
        public override string Describe() => "blocking";

        internal override EntryPredicate Compile() => new BlockingPredicate(Gate, Started);
    }

    private sealed class BlockingPredicate(ManualResetEventSlim gate, SemaphoreSlim started) : EntryPredicate
    {
        public override int Refine(LogChunk chunk, LogSnapshot snapshot, int[] candidates, int count)
        {
            started.Release();
            gate.Wait(TimeSpan.FromSeconds(30));
            return count;
        }
    }
}
