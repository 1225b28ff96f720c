using LogViewer.Core.Store;

namespace LogViewer.Tui.State;

/// <summary>
/// A line an alert matched, by its timestamp and text: the ingest side sees entries before the store gives them ids,
/// and a line the same in both is drawn marked either way.
/// </summary>
internal readonly record struct AlertedLine(long TimestampNanos, string Message)
{
    public static AlertedLine Of(LogRow row) => new(row.TimestampNanos, row.Message);
}
