using System.Drawing;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;

namespace LogViewer.Tui.Output;

/// <summary>
/// The ANSI driver's terminal output, made to send only what changed on screen. Terminal.Gui 2.5 writes every cell a
/// view drew, changed or not, and a log pane that gained lines changes every row: a following viewer rewrote its whole
/// pane on each poll. Here each frame is compared with what the terminal shows (<see cref="ShownScreen"/>): rows that
/// moved are scrolled on the terminal (<see cref="ScrollFinder"/>), and only cells that still differ are written, by
/// Terminal.Gui's own writer (wide characters, links), in one write per frame. What the writer sends around the cells
/// is made short: the attribute changes carry only what changes (<see cref="SgrPen"/>), the cursor goes the shortest
/// way (<see cref="CursorMoves"/>), a row's blank end is erased (EL) instead of written.
/// </summary>
/// <remarks>
/// The cursor is Terminal.Gui's too, except that it is sent only when it changed: the main loop sets it on every
/// iteration, which cost a hide and a move home 25 times a second on an idle screen. Anything written around the
/// writer (a raw sequence, a suspend) makes the cursor's state unknown, so the next setting is sent again; a new cell
/// array (a resize, a forced redraw) makes the screen unknown, so the next frame is written whole.
/// </remarks>
internal sealed class ChangedCellsOutput : AnsiOutput, IOutput
{
    private readonly Action<string>? _write;
    private readonly ShownScreen _shown = new();
    private readonly StringBuilder _frameText = new();
    private readonly SgrPen _pen = new();
    private IOutputBuffer? _frame;
    private bool[] _erased = [];
    private Point? _pendingMove;
    private int _runEnd;
    private Point? _at;
    private Size _screen = new(int.MaxValue, int.MaxValue);
    private Cursor _cursor = new();
    private bool _cursorKnown;
    private bool _cursorMoved;

    /// <summary>Writes to the terminal, as the stock output does.</summary>
    public ChangedCellsOutput()
        : this(null)
    {
    }

    /// <param name="write">Where the bytes go instead of the terminal (null: the terminal).</param>
    internal ChangedCellsOutput(Action<string>? write)
    {
        _write = write;
    }

    /// <summary>Forgets what the terminal shows: the next frame is written whole and the cursor is set again.</summary>
    public void Forget()
    {
        _shown.Forget();
        ForgetTerminalState();
    }

    public override void Write(IOutputBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Contents is null || IsLegacyConsole)
        {
            base.Write(buffer);
            return;
        }

        _frameText.Clear();
        _frame = buffer;
        _screen = new Size(buffer.Contents.GetLength(1), buffer.Contents.GetLength(0));
        try
        {
            _shown.MarkChanges(buffer, mayScroll: true, out var scroll);
            if (scroll is { } lines)
            {
                _frameText.Append(lines.Sequence);
                _at = Point.Empty;
            }

            if (_erased.Length != _shown.Tails.Length)
            {
                _erased = new bool[_shown.Tails.Length];
            }

            Array.Clear(_erased);
            base.Write(buffer);
            EraseTails();
            _shown.Take(buffer);
        }
        catch
        {
            Forget();
            throw;
        }
        finally
        {
            _frame = null;
            _pendingMove = null;
            if (_frameText.Length > 0)
            {
                Send(_frameText.ToString());
                _cursorMoved = true;
            }
        }
    }

    /// <summary>
    /// A run of cells from the writer: goes after the cursor move it is waiting for, and is followed by the erase of
    /// the row's blank end when it ends where that starts.
    /// </summary>
    protected override void Write(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_frame is not { } frame)
        {
            _pen.Forget();
            Send(output.ToString());
            return;
        }

        if (_pendingMove is { } to)
        {
            CursorMoves.Append(_frameText, _at, to, _screen.Height, _screen.Width);
            _at = _runEnd >= 0 ? new Point(_runEnd, to.Y) : null;
            _pendingMove = null;
        }

        _frameText.Append(output);

        // Only when the rendition the writer believes the terminal has can stay: it sends none for a cell whose
        // attribute it sent last, so a change made here would show on its next cells. Otherwise after the frame.
        if (_at is { } end && end.Y < _erased.Length && _shown.Tails[end.Y] == end.X && !_erased[end.Y]
            && _pen.Current is { } current && current == Blank(current))
        {
            Erase(end.Y);
        }
    }

    /// <summary>
    /// The writer moves to the start of every dirty row and then to every run: the move is sent only when a run
    /// follows it, and then the shortest way from where the cursor is.
    /// </summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (_frame is { } frame)
        {
            _pendingMove = new Point(col, row);
            _runEnd = RunEnd(frame, col, row);
        }
        else
        {
            Send(CursorMoves.Absolute(new Point(col, row)));
            _at = new Point(col, row);
        }

        return true;
    }

    /// <summary>Terminal.Gui's attribute changes, made as short as the terminal's current rendition allows.</summary>
    protected override void AppendOrWriteAttribute(StringBuilder output, Terminal.Gui.Drawing.Attribute attr, TextStyle redrawTextStyle)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Force16Colors)
        {
            _pen.Append(output, attr);
            return;
        }

        if (_pen.Current is null)
        {
            output.Append("\u001b[0m");
        }

        base.AppendOrWriteAttribute(output, attr, _pen.Current?.Style ?? TextStyle.None);
        _pen.Set(attr);
    }

    Cursor IOutput.GetCursor() => _cursor;

    void IOutput.SetCursor(Cursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);

        // A hidden cursor has no place worth sending; a shown one is sent again once a frame has moved it.
        if (_cursorKnown && cursor == _cursor && (!cursor.IsVisible || !_cursorMoved))
        {
            return;
        }

        var text = new StringBuilder();
        if (!cursor.IsVisible)
        {
            if (!_cursorKnown || _cursor.IsVisible)
            {
                text.Append(EscSeqUtils.CSI_HideCursor);
            }
        }
        else
        {
            if (!_cursorKnown || _cursor.Style != cursor.Style)
            {
                text.Append(EscSeqUtils.CSI_SetCursorStyle(cursor.Style));
            }

            if (!_cursorKnown || !_cursor.IsVisible)
            {
                text.Append(EscSeqUtils.CSI_ShowCursor);
            }

            CursorMoves.Append(text, _at, cursor.Position!.Value, _screen.Height, _screen.Width);
            _at = cursor.Position;
        }

        (_cursor, _cursorKnown, _cursorMoved) = (cursor, true, false);
        if (text.Length > 0)
        {
            Send(text.ToString());
        }
    }

    void IOutput.Write(ReadOnlySpan<char> text)
    {
        // A raw sequence (a title, the mouse mode, a query) may show or move the cursor, or set a rendition.
        ForgetTerminalState();
        Send(text.ToString());
    }

    void IOutput.Suspend()
    {
        Suspend();
        Forget();
    }

    // Where the writer's run from (column, row) ends: over the cells still dirty, a wide one taking two, as it writes
    // them; -1 when a cell of no width makes the terminal's cursor lag behind the writer's count.
    private static int RunEnd(IOutputBuffer frame, int column, int row)
    {
        var contents = frame.Contents!;
        var columns = contents.GetLength(1);
        while (column < columns && contents[row, column].IsDirty)
        {
            var width = contents[row, column].Grapheme is { Length: 1 } text && text[0] is >= ' ' and <= '~' ? 1 : (contents[row, column].Grapheme ?? string.Empty).GetColumns();
            if (width < 1)
            {
                return -1;
            }

            column += width > 1 && column + 1 < columns ? 2 : 1;
        }

        return column;
    }

    // The rows whose blank end no run reached: moved to, and erased.
    private void EraseTails()
    {
        for (var row = 0; row < _erased.Length; row++)
        {
            if (_shown.Tails[row] >= 0 && !_erased[row])
            {
                var at = new Point(_shown.Tails[row], row);
                CursorMoves.Append(_frameText, _at, at, _screen.Height, _screen.Width);
                _at = at;
                Erase(row);
            }
        }
    }

    // EL erases in the current background: that must be the default one, without a style that shows on a blank.
    private void Erase(int row)
    {
        var blank = _pen.Current is { } current
            ? Blank(current)
            : new Terminal.Gui.Drawing.Attribute(Terminal.Gui.Drawing.Color.None, Terminal.Gui.Drawing.Color.None, TextStyle.None);
        AppendOrWriteAttribute(_frameText, blank, TextStyle.None);
        _frameText.Append("\u001b[K");
        _erased[row] = true;
    }

    private static Terminal.Gui.Drawing.Attribute Blank(Terminal.Gui.Drawing.Attribute current) =>
        current with { Background = Terminal.Gui.Drawing.Color.None, Style = current.Style & ~(TextStyle.Reverse | TextStyle.Underline | TextStyle.Strikethrough) };

    private void ForgetTerminalState()
    {
        _cursorKnown = false;
        _at = null;
        _pen.Forget();
    }

    private void Send(string text)
    {
        if (_frame is not null)
        {
            _frameText.Append(text);
        }
        else if (_write is { } write)
        {
            write(text);
        }
        else
        {
            base.Write(text.AsSpan());
        }
    }
}
