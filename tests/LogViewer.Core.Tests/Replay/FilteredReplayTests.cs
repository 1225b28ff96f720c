using System.Text;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;

namespace LogViewer.Core.Tests.Replay;

/// <summary>
/// The filtered replay must show exactly what a store holding every input and a filtered view on it show: the same
/// rows in the same order, the same counts and reports. Compared on random inputs and random filters.
/// </summary>
public sealed class FilteredReplayTests
{
    [Theory]
    [InlineData(1, 200, 1)]
    [InlineData(2, 2_000, 1)]
    [InlineData(3, 12_000, 1)]
    [InlineData(4, 3_000, 3)]
    [InlineData(5, 70_000, 1)]
    public async Task Random_Inputs_And_Filters_Give_The_Rows_The_Store_Gives(int seed, int lines, int inputs)
    {
        var random = new Random(seed);
        var files = Enumerable.Range(0, inputs).Select(_ => ReplayCorpus.File(random, lines)).ToArray();
        for (var round = 0; round < (lines > 20_000 ? 4 : 25); round++)
        {
            var filter = RandomFilter(random);
            await AssertSameAsStore(files, filter);
        }
    }

    [Fact]
    public async Task Many_Small_Inputs_With_Random_Filters_Give_The_Rows_The_Store_Gives()
    {
        for (var seed = 100; seed < 400; seed++)
        {
            var random = new Random(seed);
            var files = Enumerable.Range(0, random.Next(1, 4)).Select(_ => ReplayCorpus.File(random, random.Next(0, 60))).ToArray();
            await AssertSameAsStore(files, RandomFilter(random));
        }
    }

    [Fact]
    public void A_Filter_Only_The_Views_Judge_Has_No_Replay()
    {
        Assert.Null(FilteredReplay.For(new AnyOfFilter([new TextFilter("a"), new TextFilter("b")])));
        Assert.NotNull(FilteredReplay.For(LogFilter.All));
    }

    private static LogFilter RandomFilter(Random random)
    {
        string Word() => ReplayCorpus.Words[random.Next(ReplayCorpus.Words.Length)];
        var includes = Enumerable.Range(0, random.Next(3) == 0 ? 0 : random.Next(1, 3)).Select(_ => Word()).ToList();
        var excludes = Enumerable.Range(0, random.Next(4) == 0 ? 1 : 0).Select(_ => Word()).ToList();
        LogLevel? level = random.Next(4) == 0 ? (LogLevel)random.Next(1, 5) : null;
        string[] replicas = random.Next(5) == 0 ? ["aaaaa"] : [];
        var request = random.Next(8) == 0 ? "r1" : null;
        var pattern = random.Next(6) == 0 ? "lo+s|CUD[A-Z]|^  " : null;
        var result = FilterBuilder.Build(level, replicas, request, includes, excludes, pattern, ignoreCase: random.Next(8) == 0);
        return result.Filter!;
    }

    private static async Task AssertSameAsStore(byte[][] files, LogFilter filter)
    {
        var store = new LogStore(int.MaxValue);
        var replay = FilteredReplay.For(filter);
        Assert.NotNull(replay);
        foreach (var file in files)
        {
            var storeMalformed = new List<MalformedLine>();
            var replayMalformed = new List<MalformedLine>();
            var fromStore = await JsonlLogReader.LoadAsync(new MemoryStream(file), store, storeMalformed.Add, CancellationToken.None);
            var fromReplay = await replay.ReadAsync(new MemoryStream(file), replayMalformed.Add, CancellationToken.None);
            Assert.Equal(fromStore, fromReplay);
            Assert.Equal(storeMalformed, replayMalformed);
        }

        using var view = new FilteredView(store, filter);
        var rows = view.Current;
        Assert.Equal(store.Current.Count, replay.Loaded);
        Assert.Equal(rows.Count, replay.Count);
        for (var row = 0; row < rows.Count; row++)
        {
            Assert.Equal(Describe(rows.Utf8RowAt(row)), Describe(replay.Utf8RowAt(row)));
        }
    }

    private static string Describe(Utf8LogRow row) =>
        $"{row.TimestampNanos} {row.Level} {row.Replica} {row.RequestId} {Encoding.UTF8.GetString(row.Message)}";
}
