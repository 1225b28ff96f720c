using System.Text;
using System.Text.Json;
using LogViewer.Core.Api;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tests.Api;

public sealed class LogPageParserTests
{
    private static LogPage Parse(string json) => LogPageParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Escaped_Strings_And_Numeric_Timestamps_Are_Read()
    {
        // Given escapes in the message and a timestamp sent as a JSON number and as an escaped string
        var page = Parse("""{"logs":[{"timestamp":5,"message":"a\u001b[31mb\n\"q\"","replica":"r"},{"timestamp":"\u0031\u0032","message":"x"}]}""");

        // Then both are entries with the text decoded
        Assert.Equal(0, page.SkippedMalformed);
        Assert.Equal(new LogEntry(5, "a\u001b[31mb\n\"q\"", "r", null, LogLevel.None), page.Entries[0]);
        Assert.Equal(12, page.Entries[1].TimestampNanos);
    }

    [Fact]
    public void Entries_That_Are_Not_Objects_Or_Have_A_Non_String_Message_Are_Counted()
    {
        // Given an array with junk in it
        var page = Parse("""{"logs":[1,"x",null,[],{"timestamp":"1","message":{"nested":true}},{"timestamp":"2","message":"ok"},{"timestamp":true,"message":"m"}]}""");

        // Then one entry survives and six are counted
        Assert.Equal(6, page.SkippedMalformed);
        Assert.Equal(2, Assert.Single(page.Entries).TimestampNanos);
    }

    [Fact]
    public void Each_Page_Reports_Only_Its_Own_Problems()
    {
        // Given a page with a skipped and a repaired entry, a body that fails half-way, then a clean page, on one thread
        var bad = Parse("""{"logs":[1,{"timestamp":"1","message":"a\ud800b"}]}""");
        Assert.ThrowsAny<JsonException>(() => Parse("""{"logs":[2,{"timestamp":"1","message":"\ud800"},"""));

        // When the clean page is parsed
        var clean = Parse("""{"logs":[{"timestamp":"2","message":"ok","replica":"r"}]}""");

        // Then the bad page counted its own problems, and the clean page counts none of theirs
        Assert.Equal(1, bad.SkippedMalformed);
        Assert.Equal(1, bad.Problems.RepairedCount);
        Assert.Same(DecodeReport.None, clean.Problems);
        Assert.Equal(new LogEntry(2, "ok", "r", null, LogLevel.None), Assert.Single(clean.Entries));
    }

    [Fact]
    public void Messages_Stay_UTF8_Into_The_Store()
    {
        // Given a page of escaped, multi-byte and long messages (a long one gets its own buffer)
        var longMessage = new string('x', 9000) + "!";
        var page = Parse($$"""{"logs":[{"timestamp":"1","message":"日本語 🚀"},{"timestamp":"2","message":"a\"b\\c"},{"timestamp":"3","message":"{{longMessage}}"},{"timestamp":"4","message":""}]}""");

        // When the entries are added to a store
        var store = new LogViewer.Core.Store.LogStore();
        store.Add(page.Entries);

        // Then each kept its UTF-8 (no string made while parsing) and the store holds the same text
        Assert.All(page.Entries, entry => Assert.True(entry.TryGetUtf8Message(out _)));
        string[] expected = ["日本語 🚀", "a\"b\\c", longMessage, ""];
        Assert.Equal(expected, Enumerable.Range(0, store.Current.Count).Select(store.Current.MessageAt));
        Assert.Equal(expected, page.Entries.Select(entry => entry.Message));
    }

    [Fact]
    public void A_Message_Without_Escapes_Is_Kept_As_A_Slice_Of_The_Answer()
    {
        // Given an answer with a plain message and an escaped one
        var body = Encoding.UTF8.GetBytes("""{"logs":[{"timestamp":"1","message":"plain text"},{"timestamp":"2","message":"tab\there"}]}""");

        // When it is parsed
        var page = LogPageParser.Parse(body);

        // Then the plain message is the answer's own bytes (no copy), the escaped one a copy with the escape undone
        Assert.True(page.Entries[0].TryGetUtf8Message(out var plain));
        Assert.True(body.AsSpan().Overlaps(plain));
        Assert.True(page.Entries[1].TryGetUtf8Message(out var unescaped));
        Assert.False(body.AsSpan().Overlaps(unescaped));
        Assert.Equal(["plain text", "tab\there"], page.Entries.Select(entry => entry.Message));
    }

    [Theory]
    [InlineData("<html>")]
    [InlineData("[]")]
    [InlineData("""{"items": []}""")]
    [InlineData("""{"logs": 5}""")]
    public void A_Body_Without_A_Logs_Array_Is_Refused(string body) =>
        Assert.ThrowsAny<JsonException>(() => Parse(body));
}
