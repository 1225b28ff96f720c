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

    /// <summary>The row of exactly the entry <paramref name="key"/> names, or -1 when it is not shown.</summary>
    int IndexOf(RowKey key);

    /// <summary>The first row at or after <paramref name="timestampNanos"/>; <see cref="Count"/> when none.</summary>
    int RowAtOrAfterTime(long timestampNanos);

    /// <summary>The nearest row after <paramref name="fromRow"/> (before it when not <paramref name="forward"/>) that <paramref name="predicate"/> keeps, or -1.</summary>
    int Find(int fromRow, LogFilter predicate, bool forward);
}

/// <summary>Names one entry across snapshots: the store's id and the entry's timestamp. Ordered by time, then id.</summary>
internal readonly record struct RowKey(long Id, long TimestampNanos) : IComparable<RowKey>
{
    public static RowKey Of(LogRow row) => new(row.Id, row.TimestampNanos);

    public int CompareTo(RowKey other)
    {
        var byTime = TimestampNanos.CompareTo(other.TimestampNanos);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }

    public static bool operator <(RowKey left, RowKey right) => left.CompareTo(right) < 0;

    public static bool operator >(RowKey left, RowKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(RowKey left, RowKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RowKey left, RowKey right) => left.CompareTo(right) >= 0;
}
