using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Store;

namespace LogViewer.Core.Tests.Filtering;

/// <summary>Views filter entries, not lines: a traceback is shown whole when any of its lines matches.</summary>
public sealed class EntryFilterTests
{
    private const long Ms = 1_000_000;

    private static LogEntry Line(long ms, string message, string replica = "r-a", LogLevel level = LogLevel.None) =>
        new(ms * Ms, message, replica, null, level);

    // A Python traceback as a training job prints it: a start line, frames and source lines, the exception line.
    private static List<LogEntry> Traceback(long ms, string replica, string error) =>
    [
        Line(ms, "Traceback (most recent call last):", replica),
        Line(ms + 1, "  File \"train.py\", line 42, in <module>", replica),
        Line(ms + 2, "    main()", replica),
        Line(ms + 3, "  File \"train.py\", line 17, in main", replica),
        Line(ms + 4, error, replica),
    ];

    private static string[] Messages(FilteredView view) =>
        [.. Enumerable.Range(0, view.Current.Count).Select(view.Current.MessageAt)];

    [Fact]
    public void A_Filter_Matching_Only_The_Exception_Line_Shows_The_Whole_Traceback()
    {
        // Given: a plain line, a traceback, another plain line
        var store = new LogStore();
        store.Add([Line(0, "epoch 1 started"), .. Traceback(2000, "r-a", "ValueError: bad shape"), Line(5000, "epoch 2 started")]);

        // When: the view filters on text only the exception line holds
        using var view = new FilteredView(store, new TextFilter("ValueError"));

        // Then: every line of the traceback is shown, and nothing else; the counts are its lines
        Assert.Equal([.. Traceback(2000, "r-a", "ValueError: bad shape").Select(l => l.Message)], Messages(view));
        Assert.Equal(5, view.Current.Counts.Total);
    }

    [Fact]
    public void A_Filter_Matching_A_Frame_Line_Shows_The_Whole_Entry()
    {
        var store = new LogStore();
        store.Add([.. Traceback(0, "r-a", "KeyError: 'lr'"), Line(3000, "done")]);

        using var view = new FilteredView(store, new TextFilter("main()"));

        Assert.Equal(5, view.Current.Count);
        Assert.Equal("Traceback (most recent call last):", view.Current.MessageAt(0));
        Assert.Equal("KeyError: 'lr'", view.Current.MessageAt(4));
    }

    [Fact]
    public void An_Out_Rule_Matching_Any_Line_Hides_The_Whole_Entry()
    {
        var store = new LogStore();
        store.Add([Line(0, "before"), .. Traceback(2000, "r-a", "KeyError: 'lr'"), Line(5000, "after")]);

        using var view = new FilteredView(store, new NotFilter(new TextFilter("line 17")));

        Assert.Equal(["before", "after"], Messages(view));
    }

    [Fact]
    public void Interleaved_Tracebacks_Of_Two_Replicas_Are_Not_Merged()
    {
        // Given: two replicas' tracebacks whose lines alternate in time
        var store = new LogStore();
        var a = Traceback(1000, "r-a", "ValueError: from a");
        var b = Traceback(1000, "r-b", "OSError: from b");
        store.Add([.. a.Zip(b).SelectMany(pair => new[] { pair.First, pair.Second })]);

        // When: the view filters on replica a's exception
        using var view = new FilteredView(store, new TextFilter("from a"));

        // Then: only replica a's lines are shown, all five
        Assert.Equal(5, view.Current.Count);
        Assert.All(Enumerable.Range(0, 5), row => Assert.Equal("r-a", view.Current[row].Replica));
    }

    [Fact]
    public void A_Continuation_Arriving_In_A_Later_Batch_Joins_The_Entry_And_The_View_Follows()
    {
        // Given: a traceback whose exception line has not arrived yet, and a view filtering on that exception
        var store = new LogStore();
        var lines = Traceback(1000, "r-a", "RuntimeError: CUDA out of memory");
        store.Add([Line(0, "starting"), .. lines[..4]]);
        using var view = new FilteredView(store, new TextFilter("CUDA"));
        Assert.Equal(0, view.Current.Count);

        // When: the exception line arrives in the next batch
        store.Add([lines[4]]);

        // Then: the whole traceback is shown, and the counts followed
        Assert.Equal([.. lines.Select(l => l.Message)], Messages(view));
        Assert.Equal(5, view.Current.Counts.Total);
        Assert.Equal(5, view.Current.Counts.ForReplica("r-a"));

        // And: an out-rule view of the same store now hides the earlier lines it showed
        using var hiding = new FilteredView(store, new NotFilter(new TextFilter("CUDA")));
        Assert.Equal(["starting"], Messages(hiding));
    }

    [Fact]
    public void An_Out_Rule_View_Drops_Lines_It_Showed_When_A_Later_Line_Of_Their_Entry_Matches()
    {
        var store = new LogStore();
        var lines = Traceback(1000, "r-a", "RuntimeError: CUDA out of memory");
        store.Add([Line(0, "starting"), .. lines[..4]]);
        using var view = new FilteredView(store, new NotFilter(new TextFilter("CUDA")));
        Assert.Equal(5, view.Current.Count);
        var before = view.Current;

        store.Add([lines[4], Line(3000, "next")]);

        Assert.Equal(["starting", "next"], Messages(view));
        Assert.Equal(2, view.Current.Counts.Total);

        // The snapshot taken before still reads what it read.
        Assert.Equal(5, before.Count);
        Assert.Equal("  File \"train.py\", line 17, in main", before.MessageAt(4));
    }

    [Fact]
    public void A_Late_Traceback_Start_Joins_The_Lines_After_It_Into_One_Entry()
    {
        // Given: frames and an exception line whose traceback start has not arrived: three entries of their own
        var store = new LogStore();
        var lines = Traceback(1000, "r-a", "ValueError: late head");
        store.Add([Line(0, "starting"), .. lines[1..], Line(4000, "later")]);
        using var view = new FilteredView(store, new TextFilter("ValueError"));
        Assert.Equal(["ValueError: late head"], Messages(view));

        // When: the start line arrives late, in its place before them
        store.Add([lines[0]]);

        // Then: the five lines are one entry again and all are shown
        Assert.Equal([.. lines.Select(l => l.Message)], Messages(view));
        Assert.Equal(5, view.Current.Counts.Total);
    }

    [Fact]
    public void A_Late_Plain_Line_Inside_A_Traceback_Splits_It()
    {
        // Given: a traceback shown whole by a filter on its exception
        var store = new LogStore();
        var lines = Traceback(1000, "r-a", "ValueError: split");
        store.Add([.. lines, Line(4000, "later")]);
        using var view = new FilteredView(store, new TextFilter("ValueError"));
        Assert.Equal(5, view.Current.Count);

        // When: a plain line of the same replica arrives late between the start and the frames: it is now the
        // traceback's last line, the frames after it continue that, and the exception line starts an entry of its own
        store.Add([Line(1000, "interrupted")]);

        // Then: only the exception line still matches
        Assert.Equal(["ValueError: split"], Messages(view));
        Assert.Equal(1, view.Current.Counts.Total);
    }

    [Fact]
    public void The_Level_Filter_Shows_A_Traceback_Whole_Though_Its_Lines_Carry_No_Level()
    {
        // Given: a traceback with no level on any line, between info and debug lines
        var store = new LogStore();
        store.Add([Line(0, "info line", level: LogLevel.Info), .. Traceback(2000, "r-a", "ValueError: unlevelled"), Line(5000, "debug line", level: LogLevel.Debug)]);

        // When: the view shows errors only, and then warnings and above
        using var errors = new FilteredView(store, new MinLevelFilter(LogLevel.Error));
        using var warnings = new FilteredView(store, new MinLevelFilter(LogLevel.Warning));

        // Then: the traceback is an error entry, shown whole; the plain lines keep their own levels
        Assert.Equal([.. Traceback(2000, "r-a", "ValueError: unlevelled").Select(l => l.Message)], Messages(errors));
        Assert.Equal(5, warnings.Current.Count);
    }

    [Fact]
    public void An_Entry_Takes_The_Highest_Level_Of_Its_Lines()
    {
        // Given: an error message continued by indented lines without a level
        var store = new LogStore();
        store.Add([
            Line(0, "request failed:", level: LogLevel.Error), Line(1, "  upstream timed out"), Line(2, "  retrying in 5s"),
            Line(2000, "unrelated", level: LogLevel.Info),
        ]);

        using var view = new FilteredView(store, new MinLevelFilter(LogLevel.Error));

        Assert.Equal(["request failed:", "  upstream timed out", "  retrying in 5s"], Messages(view));
    }

    [Fact]
    public void Replica_And_Time_Terms_Stay_Per_Line()
    {
        var store = new LogStore();
        store.Add([.. Traceback(1000, "r-a", "ValueError: timed")]);

        using var view = new FilteredView(store, new TextFilter("ValueError").And(new TimeRangeFilter(1002 * Ms, null)));

        Assert.Equal(3, view.Current.Count);
        Assert.Equal("    main()", view.Current.MessageAt(0));
    }

    [Fact]
    public async Task A_Rule_Set_Refilter_Keeps_Entries_Whole_And_Rule_Counts_Count_Their_Lines()
    {
        // Given: two tracebacks and noise, over enough chunks for the parallel re-filter
        var store = new LogStore();
        var noise = Enumerable.Range(0, 20_000).Select(i => Line(i, $"step {i}", i % 2 == 0 ? "r-a" : "r-b", LogLevel.Info));
        store.Add([.. noise, .. Traceback(30_000, "r-a", "ValueError: one"), .. Traceback(30_000, "r-b", "OSError: two")]);
        using var view = new FilteredView(store);
        var rule = new FilterRule(RuleKind.In, RulePattern.Literal("OSError"));

        // When: an in-rule on the second exception is applied by a re-filter
        Assert.True(await view.SetFilterAsync(RuleSet.Empty.Add(rule).ToFilter()));

        // Then: its traceback shows whole, and the rule panel's count is its lines
        Assert.Equal(5, view.Current.Count);
        Assert.All(Enumerable.Range(0, 5), row => Assert.Equal("r-b", view.Current[row].Replica));
        using var counts = new RuleMatchCounts(store, System.Reactive.Concurrency.ImmediateScheduler.Instance);
        counts.Track([rule.Pattern]);
        Assert.Equal(5, counts.CountOf(rule.Pattern));
    }
}
