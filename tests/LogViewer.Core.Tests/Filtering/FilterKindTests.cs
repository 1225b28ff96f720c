using LogViewer.Core.Api;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Filtering;

public sealed class FilterKindTests
{
    // Each line is an entry of its own (no traceback, no indented continuation), so these test the filter kinds on
    // lines; entries are tested in EntryFilterTests.
    private static readonly LogEntry[] Lines =
    [
        Entry(1, "step 10 loss=0.51 lr=3e-4", "aaaaa", null, LogLevel.Info),
        Entry(2, "crash report (most recent call last):", "bbbbb", null, LogLevel.Error),
        Entry(3, "LOSS spiked", "aaaaa", "req-1", LogLevel.Warning),
        Entry(4, "no level here, Größe ÄRGER", null, "req-1", LogLevel.None),
        Entry(5, "GET /predict 200 in 12ms", "ccccc", "req-2", LogLevel.Debug),
        Entry(6, "größe ärger again", "bbbbb", null, LogLevel.Info),
    ];

    private static long[] Kept(LogFilter filter)
    {
        var store = new LogStore();
        store.Add(Lines);
        using var view = new FilteredView(store, filter);
        var snapshot = view.Current;
        return Enumerable.Range(0, snapshot.Count).Select(snapshot.TimestampAt).ToArray();
    }

    [Fact]
    public void Substring_Is_Case_Sensitive_By_Default() => Assert.Equal([1L], Kept(new TextFilter("loss")));

    [Fact]
    public void Substring_Ignoring_Case_Folds_Ascii_Letters() => Assert.Equal([1L, 3], Kept(new TextFilter("LoSs", IgnoreCase: true)));

    [Fact]
    public void Substring_Ignoring_Case_Folds_Non_Ascii_Letters() => Assert.Equal([4L, 6], Kept(new TextFilter("GRÖßE", IgnoreCase: true)));

    [Fact]
    public void Substring_Ignoring_Case_With_Umlauts_Matches_Both_Cases() => Assert.Equal([4L, 6], Kept(new TextFilter("ärger", IgnoreCase: true)));

    [Fact]
    public void A_Hit_Straddling_Two_Messages_Is_Not_A_Match() => Assert.Empty(Kept(new TextFilter("last):LOSS")));

    [Fact]
    public void Empty_Text_Keeps_Every_Line() => Assert.Equal(6, Kept(new TextFilter(string.Empty)).Length);

    [Fact]
    public void Regex_Matches_Messages() => Assert.Equal([1L, 5], Kept(Regex(@"\d+ (loss=|in )")));

    [Fact]
    public void Regex_Ignoring_Case() => Assert.Equal([1L, 3], Kept(Regex("^(step|loss)", ignoreCase: true)));

    [Fact]
    public void An_Invalid_Regex_Is_Reported_Not_Thrown()
    {
        var ok = RegexFilter.TryCreate("loss=(", ignoreCase: false, out var filter, out var error);

        Assert.False(ok);
        Assert.Null(filter);
        Assert.Contains("loss=(", error);
        Assert.DoesNotContain("\n", error);
    }

    [Fact]
    public void A_Regex_NonBacktracking_Cannot_Run_Is_Reported()
    {
        var ok = RegexFilter.TryCreate(@"(a)\1", ignoreCase: false, out _, out var error);

        Assert.False(ok);
        Assert.Contains("not supported", error);
    }

    [Fact]
    public void Min_Level_Keeps_That_Level_And_Above_And_Drops_Lines_Without_Level()
    {
        Assert.Equal([2L, 3], Kept(new MinLevelFilter(LogLevel.Warning)));
        Assert.Equal([1L, 2, 3, 5, 6], Kept(new MinLevelFilter(LogLevel.Debug)));
    }

    [Fact]
    public void Exact_Level_Keeps_Only_That_Level() => Assert.Equal([4L], Kept(new LevelFilter(LogLevel.None)));

    [Fact]
    public void Replica_Set_Shows_Or_Hides()
    {
        Assert.Equal([1L, 3, 5], Kept(new ReplicaFilter(["aaaaa", "ccccc"])));
        Assert.Equal([2L, 4, 6], Kept(new ReplicaFilter(["aaaaa", "ccccc"], hide: true)));
        Assert.Equal([4L], Kept(new ReplicaFilter([null])));
    }

    [Fact]
    public void Request_Id_Keeps_That_Request() => Assert.Equal([3L, 4], Kept(new RequestIdFilter("req-1")));

    [Fact]
    public void Not_Drops_What_The_Inner_Filter_Keeps() => Assert.Equal([2L, 4, 5, 6], Kept(new NotFilter(new TextFilter("oss", IgnoreCase: true))));

    [Fact]
    public void All_Of_Keeps_Lines_Every_Term_Keeps()
    {
        var filter = new ReplicaFilter(["aaaaa", "bbbbb"])
            .And(new MinLevelFilter(LogLevel.Info))
            .And(new NotFilter(new TextFilter("crash report")));

        Assert.Equal([1L, 3, 6], Kept(filter));
    }

    [Fact]
    public void Builder_Maps_Query_Options_To_Filters()
    {
        var result = FilterBuilder.Build(LogLevel.Info, ["aaaaa", "bbbbb"], null, ["o"], ["spiked"], "^[a-zA-Z]", ignoreCase: false);

        Assert.True(result.IsValid);
        Assert.Equal([1L, 2], Kept(result.Filter!));
    }

    [Fact]
    public void Builder_Reports_An_Invalid_Pattern()
    {
        var result = FilterBuilder.FromQuery(new LogQuery { SearchPattern = "[oops" });

        Assert.False(result.IsValid);
        Assert.Contains("[oops", result.Error);
    }

    private static RegexFilter Regex(string pattern, bool ignoreCase = false)
    {
        Assert.True(RegexFilter.TryCreate(pattern, ignoreCase, out var filter, out var error), error);
        return filter!;
    }
}
