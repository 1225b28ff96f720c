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

    [Theory]
    [InlineData(11, 4_000, 4_096)]
    [InlineData(12, 20_000, 100_000)]
    [InlineData(13, 300, 64)]
    public async Task A_File_Read_In_Blocks_Gives_What_One_Reader_Gives(int seed, int lines, long blockBytes)
    {
        // Given files (a byte-order mark, CRLF, malformed lines, lines out of order) cut into blocks at arbitrary newlines
        var random = new Random(seed);
        var files = Enumerable.Range(0, 2).Select(_ => ReplayCorpus.File(random, lines)).ToArray();
        var paths = new List<string>();
        try
        {
            foreach (var file in files)
            {
                var path = Path.GetTempFileName();
                await File.WriteAllBytesAsync(path, file);
                paths.Add(path);
            }

            for (var round = 0; round < 5; round++)
            {
                // When each is read from disk in blocks, then it gives what the store and its view give
                await AssertSameAsStore(files, RandomFilter(random), blockBytes, paths);
            }
        }
        finally
        {
            paths.ForEach(File.Delete);
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

    private static async Task AssertSameAsStore(byte[][] files, LogFilter filter, long blockBytes = 1L << 40, List<string>? paths = null)
    {
        var store = new LogStore(int.MaxValue);
        var replay = FilteredReplay.For(filter, blockBytes);
        Assert.NotNull(replay);
        for (var f = 0; f < files.Length; f++)
        {
            var storeMalformed = new List<MalformedLine>();
            var replayMalformed = new List<MalformedLine>();
            var fromStore = await JsonlLogReader.LoadAsync(new MemoryStream(files[f]), store, storeMalformed.Add, CancellationToken.None);
            await using Stream input = paths is null ? new MemoryStream(files[f]) : File.OpenRead(paths[f]);
            var fromReplay = await replay.ReadAsync(input, replayMalformed.Add, CancellationToken.None);
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
