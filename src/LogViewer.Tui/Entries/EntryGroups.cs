using LogViewer.Core.Grouping;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Entries;

/// <summary>
/// Groups the shown rows into entries by <see cref="EntryRule"/>, on demand, around the rows asked about: the
/// lines of one replica before a row (up to <see cref="EntryRule.MaxLines"/>, each within the rule's window of the
/// next) are replayed through the rule to find where its entry starts, and the lines after it are followed while
/// they continue it. Only the rows in view and the rows a key moves over are grouped, so nothing is kept per line.
/// </summary>
internal static class EntryGroups
{
    /// <summary>Rows looked at either side of a row, other replicas' lines included.</summary>
    private const int Reach = EntryRule.MaxLines * 4;

    /// <summary>The rows of the entry that holds <paramref name="row"/>, in order; empty outside the rows.</summary>
    public static IReadOnlyList<int> EntryAt(IRowSource rows, int row)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.At(row) is not { } line)
        {
            return [];
        }

        // The same replica's lines before it, newest first, while each is within the window of the one after it.
        var before = new List<(int Row, LineKind Kind)>();
        var later = line.TimestampNanos;
        for (var r = row - 1; r >= Math.Max(0, row - Reach) && before.Count < EntryRule.MaxLines; r--)
        {
            if (rows.At(r) is not { } earlier || !string.Equals(earlier.Replica, line.Replica, StringComparison.Ordinal))
            {
                continue;
            }

            if (later - earlier.TimestampNanos > EntryRule.WindowNanos)
            {
                break;
            }

            before.Add((r, EntryRule.Classify(earlier.Message)));
            later = earlier.TimestampNanos;
        }

        // Replay them oldest first: the last line that started an entry is where this row's entry starts.
        var members = new List<int>();
        EntryPhase phase = default;
        for (var i = before.Count - 1; i >= -1; i--)
        {
            var (r, kind) = i >= 0 ? before[i] : (row, EntryRule.Classify(line.Message));
            var next = members.Count is > 0 and < EntryRule.MaxLines ? EntryRule.Continue(phase, kind) : null;
            if (next is { } joined)
            {
                phase = joined;
            }
            else
            {
                members.Clear();
                phase = EntryRule.Start(kind);
            }

            members.Add(r);
        }

        // Then follow the lines after it while they continue the entry.
        var last = line.TimestampNanos;
        for (var r = row + 1; r < Math.Min(rows.Count, row + Reach) && members.Count < EntryRule.MaxLines; r++)
        {
            if (rows.At(r) is not { } after || !string.Equals(after.Replica, line.Replica, StringComparison.Ordinal))
            {
                continue;
            }

            if (after.TimestampNanos - last > EntryRule.WindowNanos || EntryRule.Continue(phase, EntryRule.Classify(after.Message)) is not { } joined)
            {
                break;
            }

            phase = joined;
            members.Add(r);
            last = after.TimestampNanos;
        }

        return members;
    }

    /// <summary>The first row of the entry holding <paramref name="row"/>.</summary>
    public static int HeadOf(IRowSource rows, int row) => EntryAt(rows, row) is [var head, ..] ? head : row;

    /// <summary>The lines of the entry holding <paramref name="row"/>.</summary>
    public static IReadOnlyList<LogRow> LinesOf(IRowSource rows, int row) => [.. EntryAt(rows, row).Select(r => rows.At(r)!.Value)];

    /// <summary>The highest level among the entry's lines; a traceback is an error.</summary>
    public static LogLevel LevelOf(IRowSource rows, IReadOnlyList<int> entry)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(entry);
        var level = LogLevel.None;
        foreach (var r in entry)
        {
            if (rows.At(r) is not { } line)
            {
                continue;
            }

            if (EntryRule.MakesError(EntryRule.Classify(line.Message)))
            {
                return LogLevel.Error;
            }

            level = line.Level > level ? line.Level : level;
        }

        return level;
    }

    /// <summary>
    /// The first row of the next entry after the one holding <paramref name="row"/> (the previous one when
    /// <paramref name="direction"/> is negative), or -1 at an end.
    /// </summary>
    public static int NextHead(IRowSource rows, int row, int direction)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entry = EntryAt(rows, row);
        if (entry.Count == 0)
        {
            return -1;
        }

        if (direction < 0)
        {
            return entry[0] > 0 ? HeadOf(rows, entry[0] - 1) : -1;
        }

        var members = entry.ToHashSet();
        for (var r = entry[0] + 1; r < rows.Count; r++)
        {
            if (!members.Contains(r) && HeadOf(rows, r) == r)
            {
                return r;
            }
        }

        return -1;
    }
}
