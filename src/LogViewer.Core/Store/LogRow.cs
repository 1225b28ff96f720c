using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// One entry read out of a snapshot, with its message decoded. <see cref="Id"/> is the store's identity of the
/// entry (arrival order, never reused): use it with <see cref="LogSnapshot.IndexOf(long, long)"/> or
/// <c>FilteredSnapshot.IndexOf</c> to find the same line again after the filter or the store changed.
/// </summary>
public readonly record struct LogRow(long Id, long TimestampNanos, LogLevel Level, string? Replica, string? RequestId, string Message)
{
    public LogEntry ToLogEntry() => new(TimestampNanos, Message, Replica, RequestId, Level);
}
