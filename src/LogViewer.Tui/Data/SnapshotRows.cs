using LogViewer.Core.Filtering;
using LogViewer.Core.Store;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Data;

/// <summary>The rows of one <see cref="FilteredSnapshot"/> of the store: immutable, safe to read on the UI thread.</summary>
internal sealed class SnapshotRows(FilteredSnapshot snapshot) : IRowSource
{
    public FilteredSnapshot Snapshot => snapshot;

    public int Count => snapshot.Count;

    public LogRow? At(int row) => row >= 0 && row < snapshot.Count ? snapshot[row] : null;

    public int Locate(RowKey key)
    {
        var row = snapshot.IndexOf(key.Id, key.TimestampNanos);
        return row >= 0 ? row : snapshot.RowAtOrAfterTime(key.TimestampNanos);
    }

    public int IndexOf(RowKey key) => snapshot.IndexOf(key.Id, key.TimestampNanos);

    public int RowAtOrAfterTime(long timestampNanos) => snapshot.RowAtOrAfterTime(timestampNanos);

    public int Find(int fromRow, LogFilter predicate, bool forward) => snapshot.FindNext(fromRow, predicate, forward);
}
