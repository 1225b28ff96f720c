using LogViewer.Core.Model;
using LogViewer.Core.Tracing;

namespace LogViewer.Core.Tests.Tracing;

public sealed class RequestTraceMergeTests
{
    private static LogEntry Line(long at, string message) => new(at, message, "r-1", "req", LogLevel.Info);

    [Fact]
    public void Each_Line_Counts_Once_And_Repeats_Stay_Repeats_In_Time_Order()
    {
        // Given: held lines with one line twice, and a server answer with both copies, an older line and a third copy
        IReadOnlyList<LogEntry> held = [Line(5, "twice"), Line(5, "twice"), Line(9, "end")];
        IReadOnlyList<LogEntry> fetched = [Line(9, "end"), Line(5, "twice"), Line(5, "twice"), Line(5, "twice"), Line(1, "start")];

        // When they merge
        var (lines, fromServer) = RequestTraceMerge.Merge(held, fetched);

        // Then the server adds only what the held lines lack: the older line and the third copy
        Assert.Equal([Line(1, "start"), Line(5, "twice"), Line(5, "twice"), Line(5, "twice"), Line(9, "end")], lines);
        Assert.Equal(2, fromServer);
    }
}
