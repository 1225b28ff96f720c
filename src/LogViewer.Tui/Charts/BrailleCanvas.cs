namespace LogViewer.Tui.Charts;

/// <summary>
/// A plot of dots at twice the cells' width and four times their height, drawn as Unicode braille (U+2800..U+28FF,
/// 2x4 dots a cell). Each cell remembers the series that set a dot in it last, for its colour.
/// </summary>
internal sealed class BrailleCanvas
{
    // Dot (column, row) to its bit in the braille pattern: the left column is dots 1, 2, 3, 7; the right 4, 5, 6, 8.
    private static readonly int[,] Bits = { { 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 } };

    private readonly int[] _bits;
    private readonly int[] _owners;

    public BrailleCanvas(int columns, int rows)
    {
        Columns = Math.Max(1, columns);
        Rows = Math.Max(1, rows);
        _bits = new int[Columns * Rows];
        _owners = new int[Columns * Rows];
    }

    public int Columns { get; }

    public int Rows { get; }

    public int DotWidth => Columns * 2;

    public int DotHeight => Rows * 4;

    /// <summary>Sets the dot at (<paramref name="x"/>, <paramref name="y"/>), y down from the top; outside the canvas it is ignored.</summary>
    public void Set(int x, int y, int series)
    {
        if (x < 0 || y < 0 || x >= DotWidth || y >= DotHeight)
        {
            return;
        }

        var cell = ((y / 4) * Columns) + (x / 2);
        _bits[cell] |= Bits[x % 2, y % 4];
        _owners[cell] = series;
    }

    /// <summary>The dots of a straight line between two dots, both ends included.</summary>
    public void Line(int x0, int y0, int x1, int y1, int series)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        while (true)
        {
            Set(x0, y0, series);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var doubled = 2 * error;
            if (doubled >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (doubled <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    public bool IsEmpty(int column, int row) => _bits[(row * Columns) + column] == 0;

    /// <summary>The cell's braille character, or a space when no dot is set.</summary>
    public char CellAt(int column, int row)
    {
        var bits = _bits[(row * Columns) + column];
        return bits == 0 ? ' ' : (char)(0x2800 + bits);
    }

    /// <summary>The series that set a dot in the cell last.</summary>
    public int OwnerAt(int column, int row) => _owners[(row * Columns) + column];
}
