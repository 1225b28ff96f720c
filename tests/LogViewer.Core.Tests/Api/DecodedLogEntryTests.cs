using System.Text;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tests.Api;

public sealed class DecodedLogEntryTests
{
    private static LogEntry Decoded(long timestamp, string message, string? replica = "r1", string? requestId = null, LogLevel level = LogLevel.Info) =>
        new(timestamp, Encoding.UTF8.GetBytes(message).AsMemory(), replica, requestId, level);

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("step 12 loss=0.25 lr=3e-4")]
    [InlineData("CJK 日本語のログ行, emoji 🚀, Cyrillic журнал")]
    public void A_Decoded_Entry_Equals_The_Same_Line_Built_From_A_String(string message)
    {
        // Given one line held as UTF-8 and the same line built from its string
        var decoded = Decoded(42, message);
        var built = new LogEntry(42, message, "r1", null, LogLevel.Info);

        // Then they are one identity, in either direction, with one hash, and the message reads back the same
        Assert.Equal(built, decoded);
        Assert.Equal(decoded, built);
        Assert.Equal(built.GetHashCode(), decoded.GetHashCode());
        Assert.Equal(message, decoded.Message);
        Assert.True(decoded.TryGetUtf8Message(out var utf8));
        Assert.Equal(Encoding.UTF8.GetBytes(message), utf8.ToArray());
    }

    [Fact]
    public void Decoded_Entries_Differing_In_Any_Field_Are_Different_Lines()
    {
        var line = Decoded(42, "step 12 loss=0.25 lr=3e-4");

        Assert.Equal(line, Decoded(42, "step 12 loss=0.25 lr=3e-4"));
        Assert.NotEqual(line, Decoded(43, "step 12 loss=0.25 lr=3e-4"));
        Assert.NotEqual(line, Decoded(42, "step 12 loss=0.26 lr=3e-4"));
        Assert.NotEqual(line, Decoded(42, "step 12 loss=0.25 lr=3e-4", replica: "r2"));
        Assert.NotEqual(line, Decoded(42, "step 12 loss=0.25 lr=3e-4", requestId: "abc"));
        Assert.NotEqual(line, Decoded(42, "step 12 loss=0.25 lr=3e-4", level: LogLevel.Error));
    }

    [Fact]
    public void With_Makes_A_New_Identity_From_The_Changed_Fields()
    {
        // Given a decoded entry whose hash is already computed
        var decoded = Decoded(42, "step 12 loss=0.25");
        _ = decoded.GetHashCode();

        // When copies change its message and its timestamp
        var otherMessage = decoded with { Message = "something else" };
        var otherTime = decoded with { TimestampNanos = 7 };

        // Then each copy is the line its fields say, hashed afresh
        Assert.Equal("something else", otherMessage.Message);
        Assert.False(otherMessage.TryGetUtf8Message(out _));
        Assert.Equal(new LogEntry(42, "something else", "r1", null, LogLevel.Info), otherMessage);
        Assert.Equal(new LogEntry(42, "something else", "r1", null, LogLevel.Info).GetHashCode(), otherMessage.GetHashCode());
        Assert.Equal(Decoded(7, "step 12 loss=0.25"), otherTime);
        Assert.Equal(Decoded(7, "step 12 loss=0.25").GetHashCode(), otherTime.GetHashCode());
        Assert.Equal("step 12 loss=0.25", otherTime.Message);
    }
}
