using System.Text;
using LogViewer.Core.Api;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;
using LogViewer.Core.Replay;
using LogViewer.Core.Store;
using static LogViewer.Core.Tests.Store.StoreTestData;

namespace LogViewer.Core.Tests.Decoding;

/// <summary>
/// One set of LogV1 inputs that both readers must treat alike: an API page holding the object, and a jsonl file
/// holding it as a line, give the same entry or the same skip reason. <c>&lt;FF&gt;</c> in an input is the raw
/// byte 0xFF (never valid in UTF-8).
/// </summary>
public sealed class LogV1DecoderTests
{
    public static TheoryData<string, LogEntry> DecodedInputs() => new()
    {
        { """{"timestamp":"5","message":"hi","replica":"r1","request_id":"q1","level":"ERROR"}""", new(5, "hi", "r1", "q1", LogLevel.Error) },
        { """{"timestamp":5,"message":"number time"}""", new(5, "number time", null, null, LogLevel.None) },
        { """{"timestamp":"\u0031\u0032","message":"escaped time"}""", new(12, "escaped time", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"a\u001b[31mb\n\"q\"\\ \/"}""", new(7, "a\u001b[31mb\n\"q\"\\ /", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"x","level":"INF\u004F"}""", new(7, "x", null, null, LogLevel.Info) },
        { """{"timestamp":"7","message":"x","level":"TRACE"}""", new(7, "x", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"x","level":null,"replica":null,"request_id":null}""", new(7, "x", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":null}""", new(7, string.Empty, null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"pair \ud83d\ude00 ok"}""", new(7, "pair \U0001F600 ok", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"bad <FF> byte"}""", new(7, "bad \uFFFD byte", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"lone \ud800 high"}""", new(7, "lone \uFFFD high", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"lone \udc00 low, then \ud800"}""", new(7, "lone \uFFFD low, then \uFFFD", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"escaped \n and bad <FF>"}""", new(7, "escaped \n and bad \uFFFD", null, null, LogLevel.None) },
        { """{"timestamp":"7","message":"x","replica":"r<FF>"}""", new(7, "x", "r\uFFFD", null, LogLevel.None) },
        { """{"timestamp":"7","message":"deep","extra":""" + Nested(64) + "}", new(7, "deep", null, null, LogLevel.None) },
        { """{"timestamp":"7","extra":""" + Nested(5000) + ""","message":"deeper"}""", new(7, "deeper", null, null, LogLevel.None) },
        { """{"level":"WARNING","message":"last field wins","timestamp":"1","timestamp":"2"}""", new(2, "last field wins", null, null, LogLevel.Warning) },
    };

    public static TheoryData<string, string> SkippedInputs() => new()
    {
        { """{"timestamp":"7","message":42}""", LogV1Decoder.BadMessage },
        { """{"timestamp":"7","message":{"nested":true}}""", LogV1Decoder.BadMessage },
        { """{"message":"no time"}""", LogV1Decoder.NoTimestamp },
        { """{"timestamp":"7"}""", LogV1Decoder.NoMessage },
        { """{"timestamp":"12.5","message":"fraction"}""", LogV1Decoder.BadTimestamp },
        { """{"timestamp":"","message":"empty"}""", LogV1Decoder.BadTimestamp },
        { """{"timestamp":true,"message":"bool"}""", LogV1Decoder.BadTimestamp },
        { """{"timestamp":"99999999999999999999","message":"too big"}""", LogV1Decoder.BadTimestamp },
        { """{"timestamp":"-5","message":"before 1970"}""", LogV1Decoder.NegativeTimestamp },
        { """{"timestamp":-1,"message":"number before 1970"}""", LogV1Decoder.NegativeTimestamp },
        { """{"timestamp":"7","message":"m","replica":5}""", LogV1Decoder.BadReplica },
        { """{"timestamp":"7","message":"m","request_id":{}}""", LogV1Decoder.BadRequestId },
        { """{"timestamp":"7","message":"m","level":3}""", LogV1Decoder.BadLevel },
        { """{"message":5,"timestamp":"x"}""", LogV1Decoder.BadMessage },
        { """[1,2]""", LogV1Decoder.NotAnObject },
        { "\"text\"", LogV1Decoder.NotAnObject },
        { "null", LogV1Decoder.NotAnObject },
    };

    [Theory]
    [MemberData(nameof(DecodedInputs))]
    public async Task Both_Readers_Give_The_Same_Entry(string input, LogEntry expected)
    {
        var page = LogPageParser.Parse(Page(input));
        var (store, loaded, malformed) = await LoadJsonl(input);

        Assert.Equal(expected, Assert.Single(page.Entries));
        Assert.Empty(malformed);
        Assert.Equal(expected, Assert.Single(Entries(store.Current)));
        Assert.Equal(0, page.Problems.SkippedCount);
        Assert.Equal(page.Problems, loaded.Problems);
    }

    [Theory]
    [MemberData(nameof(SkippedInputs))]
    public async Task Both_Readers_Skip_With_The_Same_Reason_Naming_The_Field(string input, string reason)
    {
        var page = LogPageParser.Parse(Page(input));
        var (store, loaded, malformed) = await LoadJsonl(input);

        Assert.Empty(page.Entries);
        Assert.Equal(reason, Assert.Single(page.Problems.Skipped).Key);
        Assert.Equal(reason, Assert.Single(malformed).Reason);
        Assert.Equal(0, store.Current.Count);
        Assert.Equal(page.Problems, loaded.Problems);
    }

    [Fact]
    public async Task Repaired_Text_Is_Counted_Once_Per_Entry_And_Field_And_Described_Once_Per_Kind()
    {
        var lines = new[]
        {
            """{"timestamp":"1","message":"a <FF>","replica":"r<FF>"}""",
            """{"timestamp":"2","message":"b \ud800 <FF> \udfff"}""",
            """{"timestamp":"3","message":"c \ud800"}""",
            """{"timestamp":"4","message":"clean"}""",
        };

        var page = LogPageParser.Parse(Page(lines));
        var (_, loaded, _) = await LoadJsonl(lines);

        Assert.Equal(4, page.Entries.Count);
        Assert.Equal(page.Problems, loaded.Problems);
        Assert.Equal(
            ["3 messages had invalid text, shown with U+FFFD", "1 replica id had invalid text, shown with U+FFFD"],
            page.Problems.Describe().Select(d => d.Text));
    }

    [Fact]
    public void A_Bad_Entry_Leaves_The_Page_Reader_On_The_Next_One()
    {
        var page = LogPageParser.Parse(Page(
            """{"timestamp":"1","message":{"a":[1,{"b":2}]},"replica":"r"}""",
            """{"timestamp":"2","message":"after","extra":[[[]]]}"""));

        Assert.Equal("after", Assert.Single(page.Entries).Message);
        Assert.Equal(1, page.Problems.Skipped[LogV1Decoder.BadMessage]);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] Page(params string[] entries) => Utf8("{\"logs\":[" + string.Join(",", entries) + "]}");

    /// <summary>UTF-8 of <paramref name="text"/>, with each <c>&lt;FF&gt;</c> turned into the raw byte 0xFF.</summary>
    private static byte[] Utf8(string text)
    {
        var parts = text.Split("<FF>");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.Add(0xFF);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. bytes];
    }

    private static async Task<(LogStore Store, JsonlLoadResult Loaded, List<MalformedLine> Malformed)> LoadJsonl(params string[] lines)
    {
        var store = new LogStore();
        var malformed = new List<MalformedLine>();
        using var input = new MemoryStream(Utf8(string.Join("\n", lines) + "\n"));
        var loaded = await JsonlLogReader.LoadAsync(input, store, malformed.Add, CancellationToken.None);
        return (store, loaded, malformed);
    }
}
