using LogViewer.Core.Model;
using LogViewer.Core.Output;

namespace LogViewer.Core.Tests.Output;

public sealed class TextLineFormatterTests
{
    private const long Nanos = 1_795_380_181_123_456_789; // 2026-11-22T20:43:01.123456789Z

    [Fact]
    public void Utc_Line_Has_Nanoseconds_Level_Replica_And_Message()
    {
        var line = new TextLineFormatter(utc: true, TimeZoneInfo.Utc, colour: false)
            .Format(new LogEntry(Nanos, "model loaded", "ab12c", null, LogLevel.Info));

        Assert.Equal("2026-11-22T20:43:01.123456789Z INFO  [ab12c] model loaded", line);
    }

    [Fact]
    public void Local_Time_Shows_Its_Offset_And_The_Request_Id()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("minus5", TimeSpan.FromHours(-5), "minus5", "minus5");

        var line = new TextLineFormatter(utc: false, zone, colour: false)
            .Format(new LogEntry(Nanos, "done", "ab12c", "req-9", LogLevel.Error));

        Assert.Equal("2026-11-22T15:43:01.123456789-05:00 ERROR [ab12c req-9] done", line);
    }

    [Fact]
    public void Line_Without_Level_Or_Replica_Stays_Aligned()
    {
        var line = new TextLineFormatter(utc: true, TimeZoneInfo.Utc, colour: false)
            .Format(new LogEntry(Nanos, "plain", null, null, LogLevel.None));

        Assert.Equal("2026-11-22T20:43:01.123456789Z -     plain", line);
    }

    [Fact]
    public void Colour_Only_When_Asked_And_Message_Colours_Are_Still_Escaped()
    {
        // Given a message carrying its own ANSI colour
        var entry = new LogEntry(Nanos, "\u001b[31mred\u001b[0m", null, null, LogLevel.Warning);

        // When formatted with and without colour
        var coloured = new TextLineFormatter(utc: true, TimeZoneInfo.Utc, colour: true).Format(entry);
        var plain = new TextLineFormatter(utc: true, TimeZoneInfo.Utc, colour: false).Format(entry);

        // Then only our own level colour is live; the message's escapes are shown, not obeyed
        Assert.Contains("\u001b[33mWARN \u001b[0m", coloured);
        Assert.EndsWith("\\e[31mred\\e[0m", coloured);
        Assert.DoesNotContain('\u001b', plain);
        Assert.EndsWith("WARN  \\e[31mred\\e[0m", plain);
    }
}
