using System.Drawing;
using System.Globalization;
using System.Text;
using Terminal.Gui.Drivers;

namespace LogViewer.Tui.Output;

/// <summary>
/// The ANSI driver's terminal output, made to send only what changed on screen. Terminal.Gui 2.5 writes every cell a
/// view drew, changed or not, and a log pane that gained lines changes every row: a following viewer rewrote its whole
/// pane on each poll. Here each frame is compared with what the terminal shows (<see cref="ShownScreen"/>): rows that
/// moved are scrolled on the terminal (<see cref="ScrollFinder"/>), and only cells that still differ are written, by
/// Terminal.Gui's own writer (attributes, wide characters, links), in one write per frame.
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
    private bool _inFrame;
    private Point? _pendingMove;
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
        _cursorKnown = false;
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
        _inFrame = true;
        try
        {
            _shown.MarkChanges(buffer, mayScroll: true, out var scroll);
            if (scroll is { } lines)
            {
                _frameText.Append(lines.Sequence);
            }

            base.Write(buffer);
            _shown.Take(buffer);
        }
        catch
        {
            _shown.Forget();
            throw;
        }
        finally
        {
            _inFrame = false;
            _pendingMove = null;
            if (_frameText.Length > 0)
            {
                Send(_frameText.ToString());
                _cursorMoved = true;
            }
        }
    }

    /// <summary>A run of cells from the writer: goes after the cursor move it is waiting for.</summary>
    protected override void Write(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_inFrame)
        {
            Send(output.ToString());
            return;
        }

        if (_pendingMove is { } at)
        {
            AppendMove(_frameText, at.X, at.Y);
            _pendingMove = null;
        }

        _frameText.Append(output);
    }

    /// <summary>
    /// The writer moves to the start of every dirty row and then to every run: the move is sent only when a run
    /// follows it, so a row whose first change is further right costs one move, not two.
    /// </summary>
    protected override bool SetCursorPositionImpl(int col, int row)
    {
        if (_inFrame)
        {
            _pendingMove = new Point(col, row);
        }
        else
        {
            var move = new StringBuilder();
            AppendMove(move, col, row);
            Send(move.ToString());
        }

        return true;
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

            AppendMove(text, cursor.Position!.Value.X, cursor.Position.Value.Y);
        }

        (_cursor, _cursorKnown, _cursorMoved) = (cursor, true, false);
        if (text.Length > 0)
        {
            Send(text.ToString());
        }
    }

    void IOutput.Write(ReadOnlySpan<char> text)
    {
        // A raw sequence (a title, the mouse mode, a query) may show or move the cursor.
        _cursorKnown = false;
        Send(text.ToString());
    }

    void IOutput.Suspend()
    {
        Suspend();
        Forget();
    }

    // CUP, 1-based, with the parts that are 1 left out.
    private static void AppendMove(StringBuilder text, int column, int row)
    {
        text.Append("\u001b[");
        if (row > 0 || column > 0)
        {
            text.Append((row + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (column > 0)
        {
            text.Append(';').Append((column + 1).ToString(CultureInfo.InvariantCulture));
        }

        text.Append('H');
    }

    private void Send(string text)
    {
        if (_inFrame)
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
