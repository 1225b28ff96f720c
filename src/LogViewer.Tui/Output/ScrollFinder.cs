using System.Numerics;

namespace LogViewer.Tui.Output;

/// <summary>
/// Finds the scroll that saves the most cells between what the terminal shows and the next frame. A log pane that
/// gained lines shows the same rows one batch higher: scrolling them on the terminal and drawing only the rows it
/// leaves behind costs a few bytes where rewriting the pane costs every cell. Rows scroll full width, so cells beside
/// the pane that do not move with it (the sidebar) count as changed cells of the scroll, and a scroll is chosen only
/// when it still writes fewer cells.
/// </summary>
/// <remarks>
/// Cells are compared by key (<see cref="CellKey"/>): equal cells have equal keys, a key of 0 matches nothing (a cell
/// whose content is not known). A collision can only make a scroll look better or worse than it is: the cells
/// written afterwards are found by comparing the cells themselves. The search tries every distance in both
/// directions, rows * rows * columns key comparisons (192,000 at 120x40), and only when enough changed to pay.
/// </remarks>
internal static class ScrollFinder
{
    /// <summary>Cells a scroll must save over writing the changes in place: its own sequence is about 16 bytes.</summary>
    public const int MinimumSaving = 24;

    // Per-row scratch on the stack up to this height (4 KB each), on the heap beyond it.
    private const int StackRows = 1024;

    /// <param name="frame">The next frame's cell keys, row by row.</param>
    /// <param name="shown">The keys of what the terminal shows, same size.</param>
    /// <param name="rows">Rows of both.</param>
    /// <param name="columns">Columns of both.</param>
    public static TerminalScroll? Find(ReadOnlySpan<int> frame, ReadOnlySpan<int> shown, int rows, int columns)
    {
        if (rows < 2 || columns < 1 || frame.Length < rows * columns || shown.Length < rows * columns)
        {
            return null;
        }

        // In place: the cells each row changes. A scroll leaves at least one row to draw whole, so less than
        // that changed in place is never worth a scroll.
        Span<int> inPlace = rows <= StackRows ? stackalloc int[rows] : new int[rows];
        var changed = 0;
        for (var row = 0; row < rows; row++)
        {
            inPlace[row] = Differences(frame, row, shown, row, columns);
            changed += inPlace[row];
        }

        if (changed <= columns + MinimumSaving)
        {
            return null;
        }

        // Left behind by a scroll, a row costs every cell instead of its changes: leftBehind[i] sums that loss
        // (always <= 0) over rows 0..i-1.
        Span<int> leftBehind = rows <= StackRows ? stackalloc int[rows + 1] : new int[rows + 1];
        for (var row = 0; row < rows; row++)
        {
            leftBehind[row + 1] = leftBehind[row] + inPlace[row] - columns;
        }

        Span<int> saving = rows <= StackRows ? stackalloc int[rows] : new int[rows];
        TerminalScroll? best = null;
        var bestSaving = MinimumSaving;
        for (var lines = 1; lines < rows; lines++)
        {
            // Up: frame row r would show the terminal's row r + lines.
            for (var row = 0; row + lines < rows; row++)
            {
                saving[row] = inPlace[row] - Differences(frame, row, shown, row + lines, columns);
            }

            // The best block of kept rows ending at each row (Kadane), then the rows the scroll leaves below it.
            var run = 0;
            var top = 0;
            for (var last = 0; last + lines < rows; last++)
            {
                if (last == 0 || run <= 0)
                {
                    (run, top) = (saving[last], last);
                }
                else
                {
                    run += saving[last];
                }

                var bottom = last + lines;
                var total = run + leftBehind[bottom + 1] - leftBehind[last + 1];
                if (total > bestSaving)
                {
                    (best, bestSaving) = (new TerminalScroll(top, bottom, lines), total);
                }
            }

            // Down: frame row r would show the terminal's row r - lines.
            for (var row = lines; row < rows; row++)
            {
                saving[row] = inPlace[row] - Differences(frame, row, shown, row - lines, columns);
            }

            run = 0;
            var end = rows - 1;
            for (var first = rows - 1; first >= lines; first--)
            {
                if (first == rows - 1 || run <= 0)
                {
                    (run, end) = (saving[first], first);
                }
                else
                {
                    run += saving[first];
                }

                var regionTop = first - lines;
                var total = run + leftBehind[first] - leftBehind[regionTop];
                if (total > bestSaving)
                {
                    (best, bestSaving) = (new TerminalScroll(regionTop, end, -lines), total);
                }
            }
        }

        return best;
    }

    // Vectorised (8 cells at a time with AVX2): the search compares rows * rows * columns cells.
    private static int Differences(ReadOnlySpan<int> frame, int frameRow, ReadOnlySpan<int> shown, int shownRow, int columns)
    {
        var next = frame.Slice(frameRow * columns, columns);
        var now = shown.Slice(shownRow * columns, columns);
        var column = 0;
        var differences = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var same = Vector<int>.Zero;
            for (; column + Vector<int>.Count <= columns; column += Vector<int>.Count)
            {
                var shownCells = new Vector<int>(now[column..]);
                var equal = Vector.AndNot(Vector.Equals(new Vector<int>(next[column..]), shownCells), Vector.Equals(shownCells, Vector<int>.Zero));

                // An equal lane is -1.
                same += equal;
            }

            differences = column + Vector.Sum(same);
        }

        for (; column < columns; column++)
        {
            if (next[column] != now[column] || now[column] == CellKey.Unknown)
            {
                differences++;
            }
        }

        return differences;
    }
}
