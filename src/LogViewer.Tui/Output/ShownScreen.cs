using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Output;

/// <summary>
/// What the terminal shows, cell by cell: the frames written so far, moved as the terminal moved them when a scroll
/// was sent. It decides which cells of the next frame have to be written: those that differ from it.
/// </summary>
/// <remarks>
/// It follows one buffer: Terminal.Gui replaces the buffer's cell array when the size changes or the screen is
/// cleared and drawn whole (a forced redraw, such as the one after a resumed job, whose terminal showed the shell
/// meanwhile), and a new array means nothing on the terminal is known.
/// <para>
/// Cells that are not one column wide (a wide character and the cell it covers, a zero-width one), in the frame or on
/// the terminal, are written in blocks: a block of such columns that changed anywhere is written whole, so a wide
/// character is never half overwritten (terminals blank its other half). A block starts and ends next to a plain
/// cell on both sides, so writing it whole never splits a character outside it. A row with a link (Terminal.Gui
/// turns URLs into OSC 8 links per row) is written whole whenever it changed, as the link's cells go out together.
/// </para>
/// <para>
/// Two things make the cells written cheaper than the cells changed: a gap of up to 3 unchanged cells between changes
/// is written again rather than moved over, and a row's changed blank end in the default background is left to one
/// erase (<see cref="Tails"/>).
/// </para>
/// </remarks>
internal sealed class ShownScreen
{
    private Cell[,]? _source;
    private Cell[,] _cells = new Cell[0, 0];
    private int[] _keys = [];
    private bool[] _wide = [];
    private bool[] _links = [];
    private int[] _frameKeys = [];
    private bool[] _frameWide = [];
    private bool[] _frameLinks = [];

    public int Rows { get; private set; }

    public int Columns { get; private set; }

    /// <summary>
    /// Per row of the frame last marked: the column from which the row is blank to its end in the terminal's default
    /// background, left out of the dirty cells because one erase (EL) draws it; -1 when there is none worth erasing.
    /// </summary>
    public int[] Tails { get; private set; } = [];

    /// <summary>Forgets everything: the next frame is written whole.</summary>
    public void Forget() => _source = null;

    /// <summary>
    /// Marks the cells of <paramref name="buffer"/> that differ from the terminal dirty, and only those (any cell
    /// Terminal.Gui marked dirty but left as it was is cleared). When <paramref name="mayScroll"/>, first looks for a
    /// scroll that saves cells: <paramref name="scrolled"/> is the one to send before the cells (null: none). Returns
    /// false when nothing is known about the terminal: then every cell is dirty.
    /// </summary>
    public bool MarkChanges(IOutputBuffer buffer, bool mayScroll, out TerminalScroll? scrolled)
    {
        scrolled = null;
        var contents = buffer.Contents!;
        var (rows, columns) = (contents.GetLength(0), contents.GetLength(1));
        ReadFrame(contents, rows, columns);
        if (Tails.Length != rows)
        {
            Tails = new int[rows];
        }

        if (!ReferenceEquals(contents, _source) || rows != Rows || columns != Columns || buffer.DirtyLines.Length < rows)
        {
            MarkAll(buffer, contents, rows, columns);
            for (var row = 0; row < rows; row++)
            {
                buffer.DirtyLines[row] = LeaveTail(contents, row, columns, known: false);
            }

            return false;
        }

        if (mayScroll && ScrollFinder.Find(_frameKeys, _keys, rows, columns) is { } found)
        {
            Move(found);
            scrolled = found;
        }

        for (var row = 0; row < rows; row++)
        {
            var differs = false;
            for (var column = 0; column < columns; column++)
            {
                var changed = !Same(contents[row, column], _cells[row, column]);
                contents[row, column].IsDirty = changed;
                differs |= changed;
            }

            Tails[row] = -1;
            if (differs)
            {
                MarkBlocks(contents, row, columns, whole: _frameLinks[row] || _links[row]);
                FillGaps(contents, row, columns);
                differs = LeaveTail(contents, row, columns, known: true);
            }

            buffer.DirtyLines[row] = differs;
        }

        return true;
    }

    /// <summary>After the frame was written: the terminal now shows it.</summary>
    public void Take(IOutputBuffer buffer)
    {
        var contents = buffer.Contents!;
        var (rows, columns) = (contents.GetLength(0), contents.GetLength(1));
        if (_cells.GetLength(0) != rows || _cells.GetLength(1) != columns)
        {
            _cells = new Cell[rows, columns];
        }

        Array.Copy(contents, _cells, contents.Length);
        (_keys, _frameKeys) = (_frameKeys, _keys);
        (_wide, _frameWide) = (_frameWide, _wide);
        (_links, _frameLinks) = (_frameLinks, _links);
        (_source, Rows, Columns) = (contents, rows, columns);
    }

    private void ReadFrame(Cell[,] contents, int rows, int columns)
    {
        if (_frameKeys.Length != rows * columns)
        {
            _frameKeys = new int[rows * columns];
        }

        if (_frameWide.Length != rows * columns)
        {
            _frameWide = new bool[rows * columns];
        }

        if (_frameLinks.Length != rows)
        {
            _frameLinks = new bool[rows];
        }

        for (var row = 0; row < rows; row++)
        {
            var link = false;
            var linkMark = 0;
            var covered = false;
            for (var column = 0; column < columns; column++)
            {
                var text = contents[row, column].Grapheme;
                var at = row * columns + column;
                _frameKeys[at] = CellKey.Of(contents[row, column]);
                var width = Width(text);
                _frameWide[at] = covered || width != 1;
                covered = !covered && width == 2;
                linkMark = LinkMark(text, linkMark);
                link |= linkMark == 3;
            }

            _frameLinks[row] = link;
        }
    }

    // "://" seen across cells: 1 after ':', 2 after ":/", 3 after "://". Enough to tell that a row may hold a link.
    private static int LinkMark(string? text, int seen) => text switch
    {
        ":" => 1,
        "/" when seen is 1 or 2 => seen + 1,
        _ => 0,
    };

    // Printable ASCII without asking the width tables: nearly every cell of a log.
    private static int Width(string? text) =>
        text is { Length: 1 } && text[0] is >= ' ' and <= '~' ? 1 : string.IsNullOrEmpty(text) ? 0 : text.GetColumns();

    // Every block of columns that are not plain in the frame or on the terminal, and changed somewhere, is written whole.
    private void MarkBlocks(Cell[,] contents, int row, int columns, bool whole)
    {
        var start = row * columns;
        var column = 0;
        while (column < columns)
        {
            if (!whole && !_frameWide[start + column] && !_wide[start + column])
            {
                column++;
                continue;
            }

            var end = column;
            var changed = false;
            while (end < columns && (whole || _frameWide[start + end] || _wide[start + end]))
            {
                changed |= contents[row, end].IsDirty;
                end++;
            }

            for (var cell = column; changed && cell < end; cell++)
            {
                contents[row, cell].IsDirty = true;
            }

            column = end;
        }
    }

    private static bool Same(in Cell next, in Cell shown) =>
        shown.Attribute is { } attribute && next.Attribute == attribute && string.Equals(next.Grapheme, shown.Grapheme, StringComparison.Ordinal);

    // A gap of a few unchanged cells between changed ones costs less written again than a cursor move over it
    // (3-4 bytes), when it needs no change of attribute.
    private void FillGaps(Cell[,] contents, int row, int columns)
    {
        const int WorthFilling = 3;
        var start = row * columns;
        var column = 0;
        while (column < columns && !contents[row, column].IsDirty)
        {
            column++;
        }

        while (column < columns)
        {
            while (column < columns && contents[row, column].IsDirty)
            {
                column++;
            }

            var gap = column;
            while (column < columns && !contents[row, column].IsDirty)
            {
                column++;
            }

            if (column == columns || column - gap > WorthFilling)
            {
                continue;
            }

            var attribute = contents[row, gap - 1].Attribute;
            var plain = true;
            for (var cell = gap; cell < column && plain; cell++)
            {
                plain = !_frameWide[start + cell] && !_wide[start + cell] && contents[row, cell].Attribute == attribute
                    && contents[row, cell].Grapheme is { Length: 1 } text && text[0] is >= ' ' and <= '~';
            }

            for (var cell = gap; plain && cell < column; cell++)
            {
                contents[row, cell].IsDirty = true;
            }
        }
    }

    // The row's blank end in the default background (no style that shows on a blank) is erased rather than written,
    // when enough of it changed to pay for the erase. Returns whether anything in the row is still dirty.
    private bool LeaveTail(Cell[,] contents, int row, int columns, bool known)
    {
        const int WorthErasing = 4;
        const TextStyle ShowsOnBlank = TextStyle.Reverse | TextStyle.Underline | TextStyle.Strikethrough;
        var start = row * columns;
        var tail = columns;
        while (tail > 0 && contents[row, tail - 1] is { Grapheme: " ", Attribute: { } attribute }
            && attribute.Background == Color.None && (attribute.Style & ShowsOnBlank) == 0
            && !_frameWide[start + tail - 1] && (!known || !_wide[start + tail - 1]))
        {
            tail--;
        }

        var changed = 0;
        for (var column = tail; column < columns; column++)
        {
            changed += contents[row, column].IsDirty ? 1 : 0;
        }

        Tails[row] = changed >= WorthErasing ? tail : -1;
        var dirty = false;
        for (var column = 0; column < columns; column++)
        {
            if (column >= tail && Tails[row] >= 0)
            {
                contents[row, column].IsDirty = false;
            }

            dirty |= contents[row, column].IsDirty;
        }

        return dirty;
    }

    private static void MarkAll(IOutputBuffer buffer, Cell[,] contents, int rows, int columns)
    {
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                contents[row, column].IsDirty = true;
            }

            if (row < buffer.DirtyLines.Length)
            {
                buffer.DirtyLines[row] = true;
            }
        }
    }

    // The terminal moved rows: so does what is known of them; the rows left behind are not known.
    private void Move(TerminalScroll scroll)
    {
        var columns = Columns;
        var lines = Math.Abs(scroll.Lines);
        if (scroll.Lines > 0)
        {
            for (var row = scroll.Top; row <= scroll.Bottom; row++)
            {
                CopyRow(row, row + lines <= scroll.Bottom ? row + lines : -1, columns);
            }
        }
        else
        {
            for (var row = scroll.Bottom; row >= scroll.Top; row--)
            {
                CopyRow(row, row - lines >= scroll.Top ? row - lines : -1, columns);
            }
        }
    }

    private void CopyRow(int to, int from, int columns)
    {
        for (var column = 0; column < columns; column++)
        {
            _cells[to, column] = from < 0 ? default : _cells[from, column];
        }

        if (from < 0)
        {
            Array.Fill(_keys, CellKey.Unknown, to * columns, columns);
            Array.Fill(_wide, false, to * columns, columns);
            _links[to] = false;
        }
        else
        {
            Array.Copy(_keys, from * columns, _keys, to * columns, columns);
            Array.Copy(_wide, from * columns, _wide, to * columns, columns);
            _links[to] = _links[from];
        }
    }
}
