using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;

namespace LogViewer.Tui.Tests.Output;

/// <summary>
/// A small terminal: applies the bytes an output wrote (text, CR, LF, CUP, CUF, SGR, EL, DECSTBM, SU/SD, DECSC/DECRC,
/// OSC, modes)
/// to a grid of cells the way xterm and tmux do, so a test can tell whether the screen ended up as the frame.
/// Anything else it is sent fails the test: an output that starts writing sequences nobody checked is a change to look at.
/// </summary>
internal sealed class TerminalReplica
{
    // Rows a scroll leaves behind show this until written: a writer that relied on them being blank is caught.
    private const string LeftBehind = "\u2400";

    private ReplicaCell[,] _cells;
    private Pen _pen = Pen.Default;
    private (int Row, int Column, Pen Pen) _saved;
    private int _row;
    private int _column;
    private bool _wrapPending;
    private int _top;
    private int _bottom;

    public TerminalReplica(int columns, int rows)
    {
        _cells = Blank(rows, columns);
        _bottom = rows - 1;
    }

    public int Rows => _cells.GetLength(0);

    public int Columns => _cells.GetLength(1);

    /// <summary>How many scrolls (SU/SD) it was sent, and how many rows they moved in all.</summary>
    public int Scrolls { get; private set; }

    public int ScrolledRows { get; private set; }

    /// <summary>As a terminal window resized: what fits stays where it was, the rest is blank.</summary>
    public void Resize(int columns, int rows)
    {
        var cells = Blank(rows, columns);
        for (var row = 0; row < Math.Min(rows, Rows); row++)
        {
            for (var column = 0; column < Math.Min(columns, Columns); column++)
            {
                cells[row, column] = _cells[row, column];
            }
        }

        _cells = cells;
        (_top, _bottom, _row, _column, _wrapPending) = (0, rows - 1, Math.Min(_row, rows - 1), Math.Min(_column, columns - 1), false);
    }

    public void Apply(string bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (bytes[at] == '\u001b')
            {
                at = Escape(bytes, at + 1);
                continue;
            }

            if (bytes[at] == '\r')
            {
                (_column, _wrapPending) = (0, false);
                at++;
                continue;
            }

            if (bytes[at] == '\n')
            {
                LineFeed();
                at++;
                continue;
            }

            if (char.IsControl(bytes[at]))
            {
                throw new InvalidOperationException($"control character U+{(int)bytes[at]:X4} at {at}");
            }

            var next = at + StringInfo.GetNextTextElementLength(bytes, at);
            var end = bytes.IndexOf('\u001b', at);
            next = end >= 0 ? Math.Min(next, end) : next;
            Print(bytes[at..next]);
            at = next;
        }
    }

    /// <summary>The first cell where the screen differs from <paramref name="frame"/>, described; null when it shows the frame.</summary>
    public string? Mismatch(IOutputBuffer frame)
    {
        var contents = frame.Contents!;
        if (contents.GetLength(0) != Rows || contents.GetLength(1) != Columns)
        {
            return $"size {Columns}x{Rows}, frame {contents.GetLength(1)}x{contents.GetLength(0)}";
        }

        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                var cell = contents[row, column];
                var expected = new ReplicaCell(cell.Grapheme, Pen.Of(cell.Attribute!.Value));
                if (expected.Seen() != _cells[row, column].Seen())
                {
                    return $"row {row} column {column}: shows {_cells[row, column]}, frame has {expected}; row shows '{RowText(row)}'";
                }

                if (cell.Grapheme.GetColumns() == 2)
                {
                    column++;
                }
            }
        }

        return null;
    }

    public string RowText(int row)
    {
        var text = new StringBuilder();
        for (var column = 0; column < Columns; column++)
        {
            text.Append(_cells[row, column].Text);
        }

        return text.ToString();
    }

    private static ReplicaCell[,] Blank(int rows, int columns)
    {
        var cells = new ReplicaCell[rows, columns];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                cells[row, column] = new ReplicaCell(" ", Pen.Default);
            }
        }

        return cells;
    }

    private void Print(string grapheme)
    {
        var width = grapheme.GetColumns();
        if (width == 0)
        {
            throw new InvalidOperationException($"zero-width text '{grapheme}' at row {_row} column {_column}");
        }

        if (_wrapPending || _column + width > Columns)
        {
            _column = 0;
            LineFeed();
        }

        BreakWideAt(_column);
        if (width == 2)
        {
            BreakWideAt(_column + 1);
        }

        _cells[_row, _column] = new ReplicaCell(grapheme, _pen);
        if (width == 2)
        {
            _cells[_row, _column + 1] = new ReplicaCell(string.Empty, _pen);
        }

        if (_column + width >= Columns)
        {
            _column = Columns - 1;
            _wrapPending = true;
        }
        else
        {
            _column += width;
        }
    }

    private void LineFeed()
    {
        _wrapPending = false;
        if (_row == _bottom)
        {
            ScrollUp(1);
        }
        else if (_row < Rows - 1)
        {
            _row++;
        }
    }

    // Writing over either half of a wide character leaves its other half blank, as terminals do.
    private void BreakWideAt(int column)
    {
        if (_cells[_row, column].Text.Length == 0 && column > 0)
        {
            _cells[_row, column - 1] = _cells[_row, column - 1] with { Text = " " };
        }
        else if (_cells[_row, column].Text.GetColumns() == 2 && column + 1 < Columns)
        {
            _cells[_row, column + 1] = _cells[_row, column + 1] with { Text = " " };
        }
    }

    private int Escape(string bytes, int at)
    {
        switch (bytes[at])
        {
            case '7':
                _saved = (_row, _column, _pen);
                return at + 1;
            case '8':
                (_row, _column, _pen, _wrapPending) = (_saved.Row, _saved.Column, _saved.Pen, false);
                return at + 1;
            case ']':
                // OSC (a link, a title) up to BEL or ST: nothing on the grid.
                var bell = bytes.IndexOf('\u0007', at);
                var st = bytes.IndexOf("\u001b\\", at, StringComparison.Ordinal);
                return bell >= 0 && (st < 0 || bell < st) ? bell + 1 : st + 2;
            case '[':
                return Csi(bytes, at + 1);
            default:
                throw new InvalidOperationException($"ESC {bytes[at]} at {at}");
        }
    }

    private int Csi(string bytes, int at)
    {
        var start = at;
        while (bytes[at] is >= '0' and <= '?')
        {
            at++;
        }

        var parameters = bytes[start..at];
        var intermediate = string.Empty;
        while (bytes[at] is >= ' ' and <= '/')
        {
            intermediate += bytes[at++];
        }

        var final = bytes[at];
        var numbers = parameters.Length == 0 || parameters[0] == '?'
            ? []
            : parameters.Split(';').Select(p => p.Length == 0 ? 0 : int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        int Number(int index, int fallback) => index < numbers.Length && numbers[index] > 0 ? numbers[index] : fallback;

        switch (final)
        {
            case 'h' or 'l' when parameters.StartsWith('?'):
            case 'q' when intermediate == " ":
                break;
            case 'H' or 'f':
                (_row, _column, _wrapPending) = (Math.Min(Number(0, 1), Rows) - 1, Math.Min(Number(1, 1), Columns) - 1, false);
                break;
            case 'C':
                (_column, _wrapPending) = (Math.Min(_column + Number(0, 1), Columns - 1), false);
                break;
            case 'K' when Number(0, 0) == 0:
                // Erase to the end of the row in the current background (BCE), no other attribute.
                BreakWideAt(_column);
                for (var column = _column; column < Columns; column++)
                {
                    _cells[_row, column] = new ReplicaCell(" ", Pen.Default with { Background = _pen.Background });
                }

                break;
            case 'm':
                _pen = _pen.With(numbers.Length == 0 ? [0] : numbers);
                break;
            case 'r':
                (_top, _bottom) = (Number(0, 1) - 1, Number(1, Rows) - 1);
                (_row, _column, _wrapPending) = (0, 0, false);
                break;
            case 'S':
                ScrollUp(Number(0, 1));
                break;
            case 'T':
                ScrollDown(Number(0, 1));
                break;
            default:
                throw new InvalidOperationException($"CSI {parameters}{intermediate}{final} at {start}");
        }

        return at + 1;
    }

    private void ScrollUp(int lines)
    {
        Scrolls++;
        ScrolledRows += lines;
        for (var row = _top; row <= _bottom; row++)
        {
            CopyRow(row, row + lines <= _bottom ? row + lines : -1);
        }
    }

    private void ScrollDown(int lines)
    {
        Scrolls++;
        ScrolledRows += lines;
        for (var row = _bottom; row >= _top; row--)
        {
            CopyRow(row, row - lines >= _top ? row - lines : -1);
        }
    }

    private void CopyRow(int to, int from)
    {
        for (var column = 0; column < Columns; column++)
        {
            _cells[to, column] = from < 0 ? new ReplicaCell(LeftBehind, Pen.Default with { Background = _pen.Background }) : _cells[from, column];
        }
    }

    /// <summary>A colour as the terminal holds it: -1 the terminal's default, an RGB value, or 0x1000000 + a palette index.</summary>
    internal readonly record struct Pen(int Foreground, int Background, TextStyle Style)
    {
        public static Pen Default { get; } = new(-1, -1, TextStyle.None);

        public static Pen Of(Terminal.Gui.Drawing.Attribute attribute) => new(Colour(attribute.Foreground), Colour(attribute.Background), attribute.Style);

        private static int Colour(Color colour) => colour.A == 0 ? -1 : (colour.R << 16) | (colour.G << 8) | colour.B;

        public Pen With(int[] sgr)
        {
            var pen = this;
            for (var i = 0; i < sgr.Length; i++)
            {
                var code = sgr[i];
                pen = code switch
                {
                    0 => Default,
                    1 => pen with { Style = pen.Style | TextStyle.Bold },
                    2 => pen with { Style = pen.Style | TextStyle.Faint },
                    3 => pen with { Style = pen.Style | TextStyle.Italic },
                    4 => pen with { Style = pen.Style | TextStyle.Underline },
                    5 => pen with { Style = pen.Style | TextStyle.Blink },
                    7 => pen with { Style = pen.Style | TextStyle.Reverse },
                    9 => pen with { Style = pen.Style | TextStyle.Strikethrough },
                    22 => pen with { Style = pen.Style & ~(TextStyle.Bold | TextStyle.Faint) },
                    23 => pen with { Style = pen.Style & ~TextStyle.Italic },
                    24 => pen with { Style = pen.Style & ~TextStyle.Underline },
                    25 => pen with { Style = pen.Style & ~TextStyle.Blink },
                    27 => pen with { Style = pen.Style & ~TextStyle.Reverse },
                    29 => pen with { Style = pen.Style & ~TextStyle.Strikethrough },
                    >= 30 and <= 37 => pen with { Foreground = 0x1000000 + code - 30 },
                    >= 90 and <= 97 => pen with { Foreground = 0x1000000 + code - 90 + 8 },
                    39 => pen with { Foreground = -1 },
                    >= 40 and <= 47 => pen with { Background = 0x1000000 + code - 40 },
                    >= 100 and <= 107 => pen with { Background = 0x1000000 + code - 100 + 8 },
                    49 => pen with { Background = -1 },
                    38 or 48 => pen.Extended(sgr, ref i),
                    _ => throw new InvalidOperationException($"SGR {code}"),
                };
            }

            return pen;
        }

        // 38;2;r;g;b or 38;5;n (48 for the background).
        private Pen Extended(int[] sgr, ref int i)
        {
            var background = sgr[i] == 48;
            int colour;
            if (sgr[i + 1] == 2)
            {
                colour = (sgr[i + 2] << 16) | (sgr[i + 3] << 8) | sgr[i + 4];
                i += 4;
            }
            else
            {
                colour = 0x1000000 + sgr[i + 2];
                i += 2;
            }

            return background ? this with { Background = colour } : this with { Foreground = colour };
        }
    }

    internal readonly record struct ReplicaCell(string Text, Pen Pen)
    {
        private const TextStyle ShowsOnBlank = TextStyle.Reverse | TextStyle.Underline | TextStyle.Strikethrough;

        /// <summary>What a user sees: a blank shows its background, and its foreground only through a style that draws it.</summary>
        public ReplicaCell Seen() =>
            Text == " " && (Pen.Style & ShowsOnBlank) == 0 ? new ReplicaCell(Text, new Pen(-1, Pen.Background, TextStyle.None))
            : Text == " " ? new ReplicaCell(Text, Pen with { Style = Pen.Style & ShowsOnBlank })
            : this;
    }
}
