using LogViewer.Core.Model;

namespace LogViewer.Tui.State;

/// <summary>
/// The rows the pane shows (the filtered view), as the reducer and the views read them on the UI thread.
/// Rows are in timestamp order.
/// </summary>
internal interface IRowSource
{
    int Count { get; }

    /// <summary>The entry at a row, or <c>null</c> outside 0..Count-1.</summary>
    LogEntry? At(int row);

    /// <summary>The row of <paramref name="entry"/>; when it is gone (evicted, filtered out), the row where it would be.</summary>
    int Locate(LogEntry entry);

    /// <summary>
    /// The first row from <paramref name="start"/> (inclusive) stepping by <paramref name="step"/> (1 or -1) whose
    /// entry satisfies <paramref name="predicate"/>, or -1.
    /// </summary>
    int Find(int start, int step, Func<LogEntry, bool> predicate);
}
