using System.Text.Json;
using LogViewer.Core.Model;
using LogViewer.Core.Output;

namespace LogViewer.Core.Tests.Output;

public sealed class JsonLinesFormatterTests
{
    [Fact]
    public void Line_Has_Exactly_The_LogV1_Fields()
    {
        var line = new JsonLinesFormatter().Format(new LogEntry(1_795_380_181_123_456_789, "héllo \"x\"", "ab12c", "r1", LogLevel.Warning));

        Assert.Equal("""{"timestamp":"1795380181123456789","message":"héllo \"x\"","replica":"ab12c","request_id":"r1","level":"WARNING"}""", line);
    }

    [Fact]
    public void Missing_Values_Are_Null_And_Control_Characters_Escaped()
    {
        var line = new JsonLinesFormatter().Format(new LogEntry(5, "a\u001b[1m\r\u009b", null, null, LogLevel.None));

        Assert.Equal("""{"timestamp":"5","message":"a\u001B[1m\r\u009B","replica":null,"request_id":null,"level":null}""", line);
        Assert.Equal("a\u001b[1m\r\u009b", JsonDocument.Parse(line).RootElement.GetProperty("message").GetString());
    }
}
