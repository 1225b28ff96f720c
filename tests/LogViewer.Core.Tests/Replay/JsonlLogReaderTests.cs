using System.Text;
using LogViewer.Core.Model;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Replay;

public sealed class JsonlLogReaderTests
{
    private static async Task<(LogStore Store, JsonlLoadResult Result, List<MalformedLine> Malformed)> Load(string text, Stream? stream = null)
    {
        var store = new LogStore();
        var malformed = new List<MalformedLine>();
        using var input = stream ?? new MemoryStream(Encoding.UTF8.GetBytes(text));
        var result = await JsonlLogReader.LoadAsync(input, store, malformed.Add, CancellationToken.None);
        return (store, result, malformed);
    }

    [Fact]
    public async Task A_Good_File_Loads_Every_Field()
    {
        const string file =
            """
            {"timestamp":"1732300000000000001","message":"step 1 loss=0.5","replica":"abcde","request_id":null,"level":"INFO"}
            {"timestamp":"1732300000000000002","message":"tab\there \"quoted\" \u00e9 ✓","replica":null,"request_id":"req-9","level":null}
            {"level":"ERROR","message":"","timestamp":1732300000000000003,"replica":"abcde","request_id":"req-9","extra":{"a":[1,2]}}

            """;

        var (store, result, malformed) = await Load(file);

        Assert.Empty(malformed);
        Assert.Equal((3L, 3L, 0L), (result.Lines, result.Loaded, result.Malformed));
        Assert.True(result.Problems.IsClean);
        Assert.Equal(
            [
                new LogEntry(1732300000000000001, "step 1 loss=0.5", "abcde", null, LogLevel.Info),
                new LogEntry(1732300000000000002, "tab\there \"quoted\" é ✓", null, "req-9", LogLevel.None),
                new LogEntry(1732300000000000003, string.Empty, "abcde", "req-9", LogLevel.Error),
            ],
            Entries(store.Current));
    }

    [Fact]
    public async Task Malformed_Lines_Are_Reported_With_Line_Numbers_And_Skipped()
    {
        var lines = new[]
        {
            """{"timestamp":"10","message":"ok 1","replica":null,"request_id":null,"level":"INFO"}""",
            """{"timestamp":"11","message":"cut off""",
            """not json at all""",
            """{"timestamp":"abc","message":"bad time"}""",
            "",
            """{"message":"no time"}""",
            """{"timestamp":"12"}""",
            """{"timestamp":"13","message":42}""",
            """[1,2]""",
            """{"timestamp":"14","message":"two"} {"x":1}""",
            """{"timestamp":"15","message":"bad replica","replica":5}""",
            """{"timestamp":"16","message":"ok 2","level":"TRACE"}""",
        };

        var (store, result, malformed) = await Load(string.Join("\r\n", lines));

        Assert.Equal(["ok 1", "ok 2"], Rows(store.Current).Select(r => r.Message));
        Assert.Equal(LogLevel.None, store.Current[1].Level);
        Assert.Equal([2L, 3, 4, 6, 7, 8, 9, 10, 11], malformed.Select(m => m.LineNumber));
        Assert.Equal((12L, 2L, 9L), (result.Lines, result.Loaded, result.Malformed));
        Assert.Equal("line 4: the timestamp is not an integer of epoch nanoseconds", malformed[2].ToString());
        Assert.Equal("no timestamp", malformed[3].Reason);
        Assert.Equal("no message", malformed[4].Reason);
        Assert.Equal("the message is not a string", malformed[5].Reason);
        Assert.Equal("the entry is not a JSON object", malformed[6].Reason);
        Assert.Equal("the replica is not a string or null", malformed[8].Reason);
        Assert.StartsWith("not valid JSON", malformed[0].Reason);
    }

    [Fact]
    public async Task Out_Of_Order_Lines_Are_Stored_In_Timestamp_Order()
    {
        var (store, _, _) = await Load("""
            {"timestamp":"30","message":"c"}
            {"timestamp":"10","message":"a"}
            {"timestamp":"20","message":"b"}
            """);

        Assert.Equal(["a", "b", "c"], Rows(store.Current).Select(r => r.Message));
    }

    [Fact]
    public async Task Out_Of_Order_Lines_With_Equal_Timestamps_Keep_Their_File_Order()
    {
        var (store, _, _) = await Load("""
            {"timestamp":"20","message":"b1"}
            {"timestamp":"30","message":"c"}
            {"timestamp":"20","message":"b2"}
            {"timestamp":"10","message":"a1"}
            {"timestamp":"30","message":"c2"}
            {"timestamp":"10","message":"a2"}
            {"timestamp":"20","message":"b3"}
            """);

        Assert.Equal(["a1", "a2", "b1", "b2", "b3", "c", "c2"], Rows(store.Current).Select(r => r.Message));
    }

    [Fact]
    public async Task Lines_Split_Across_Reads_And_Longer_Than_The_Buffer_Are_Read_Whole()
    {
        // Given: many lines, one of them 3 MB, delivered a few bytes at a time.
        var big = new string('x', 3 << 20);
        var builder = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("{\"timestamp\":\"").Append(i).Append("\",\"message\":\"")
                .Append(i == 777 ? big : $"line {i} ünï").Append("\",\"replica\":\"r").Append(i % 7).Append("\"}\n");
        }

        var (store, result, malformed) = await Load(string.Empty, new TrickleStream(Encoding.UTF8.GetBytes(builder.ToString()), 8191));

        Assert.Empty(malformed);
        Assert.Equal(20_000, result.Loaded);
        Assert.Equal(big, store.Current.MessageAt(777));
        Assert.Equal("line 19999 ünï", store.Current.MessageAt(19_999));
        Assert.Equal("r6", store.Current[19_998].Replica);
    }

    [Fact]
    public async Task A_Byte_Order_Mark_And_A_Missing_Final_Newline_Are_Fine()
    {
        var (store, result, malformed) = await Load("\uFEFF{\"timestamp\":\"1\",\"message\":\"a\"}\n{\"timestamp\":\"2\",\"message\":\"b\"}");

        Assert.Empty(malformed);
        Assert.Equal(2, result.Loaded);
        Assert.Equal(2, store.Current.Count);
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a pipe would.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, step)], cancellationToken);
    }
}
