using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Trace;

/// <summary>The trace's words: its title, and each line's offset from the request's first line.</summary>
internal static class TraceText
{
    public static string Title(TraceState trace) =>
        $"Request {trace.RequestId}: {trace.Lines.Length} line{(trace.Lines.Length == 1 ? string.Empty : "s")} (j/k scroll; Esc, q or r returns)";

    /// <summary>"+0.000s", "+1.234s": seconds since the trace's first line, to the millisecond.</summary>
    public static string Offset(LogEntry first, LogEntry line)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(line);
        var seconds = (line.TimestampNanos - first.TimestampNanos) / 1e9;
        return "+" + seconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
    }
}
