using LogViewer.Core.Filtering;
using LogViewer.Core.Store;

namespace LogViewer.Tui.State;

/// <summary>No rows yet: what the state holds before the first snapshot arrives.</summary>
internal sealed class EmptyRows : IRowSource
{
    public static EmptyRows Instance { get; } = new();

    private EmptyRows()
    {
    }

    public int Count => 0;

    public LogRow? At(int row) => null;

    public int Locate(RowKey key) => 0;

    public int IndexOf(RowKey key) => -1;

    public int RowAtOrAfterTime(long timestampNanos) => 0;

    public int Find(int fromRow, LogFilter predicate, bool forward) => -1;
}
