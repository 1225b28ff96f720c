using LogViewer.Core.Filtering;
using LogViewer.Core.Store;

namespace LogViewer.Tui.State;

/// <summary>
/// The rows the pane shows (one immutable filtered snapshot of the store), in timestamp order. Part of the
/// state: a new snapshot arrives as an action, so the state and what is drawn always agree.
/// </summary>
internal interface IRowSource
{
    int Count { get; }

    /// <summary>The row, or <c>null</c> outside 0..Count-1.</summary>
    LogRow? At(int row);

    /// <summary>The row of the entry <paramref name="key"/> names; when it is gone (evicted, filtered out), the first row after its time.</summary>
    int Locate(RowKey key);

    /// <summary>The nearest row after <paramref name="fromRow"/> (before it when not <paramref name="forward"/>) that <paramref name="predicate"/> keeps, or -1.</summary>
    int Find(int fromRow, LogFilter predicate, bool forward);
}

/// <summary>Names one entry across snapshots: the store's id and the entry's timestamp.</summary>
internal readonly record struct RowKey(long Id, long TimestampNanos)
{
    public static RowKey Of(LogRow row) => new(row.Id, row.TimestampNanos);
}
