using LogViewer.Core.Grouping;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Entries;

/// <summary>
/// How each row draws under <see cref="EntryFolding"/>, for one frame: a collapsed entry shows its first line and its
/// exception line (the last line after the first that is not indented, the final <c>SomethingError: ...</c> of a
/// traceback), the latter carrying <c>+N</c> for the lines hidden; an entry without one shows its first line with the
/// marker. Entries are grouped once per frame and remembered for their other rows.
/// </summary>
internal sealed class FoldedRows(IRowSource rows, EntryFolding folding)
{
    private readonly Dictionary<int, FoldedRow> _known = [];

    public bool IsEmpty => folding.IsEmpty;

    public FoldedRow At(int index)
    {
        if (folding.IsEmpty)
        {
            return FoldedRow.Shown;
        }

        if (_known.TryGetValue(index, out var known))
        {
            return known;
        }

        var entry = EntryGroups.EntryAt(rows, index);
        if (entry.Count < 2 || !folding.IsCollapsed(RowKey.Of(rows.At(entry[0])!.Value)))
        {
            foreach (var row in entry)
            {
                _known[row] = FoldedRow.Shown;
            }

            return FoldedRow.Shown;
        }

        var exception = ExceptionRow(rows, entry);
        var last = exception >= 0 ? exception : entry[0];
        var marker = new FoldedRow(false, HiddenLines(rows, entry));
        foreach (var row in entry)
        {
            _known[row] = row == last ? marker : row == entry[0] ? FoldedRow.Shown : new FoldedRow(true, 0);
        }

        return _known.GetValueOrDefault(index, FoldedRow.Shown);
    }

    /// <summary>How many of a collapsed entry's lines are not drawn.</summary>
    public static int HiddenLines(IRowSource rows, IReadOnlyList<int> entry) => entry.Count - (ExceptionRow(rows, entry) >= 0 ? 2 : 1);

    /// <summary>The entry's exception line: its last line after the first that is neither indented nor blank, or -1.</summary>
    public static int ExceptionRow(IRowSource rows, IReadOnlyList<int> entry)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(entry);
        for (var i = entry.Count - 1; i > 0; i--)
        {
            if (rows.At(entry[i]) is { } line && EntryRule.Classify(line.Message) == LineKind.Plain)
            {
                return entry[i];
            }
        }

        return -1;
    }
}
