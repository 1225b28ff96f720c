using System.Drawing;
using LogViewer.Core.Text;
using LogViewer.Tui.Entries;
using LogViewer.Tui.History;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Views;

/// <summary>
/// The log: draws only the rows in view, straight from the filtered rows (nothing is materialized per frame
/// beyond one screenful). Columns: time, level badge, replica (in its sidebar colour), sanitized message with
/// quick-filter matches highlighted. Long messages clip at the horizontal offset, or wrap.
/// </summary>
internal sealed partial class LogPane : View
{
    private const int MinimumMessageWidth = 8;
    private static readonly Attribute MatchAttribute = new(ColorName16.Black, ColorName16.BrightCyan, TextStyle.Underline);
    private static readonly Attribute MarkAttribute = new(ColorName16.Black, ColorName16.BrightMagenta, TextStyle.Bold);
    private static readonly Attribute AlertAttribute = new(ColorName16.BrightYellow, ColorName16.Red, TextStyle.Bold);

    private readonly TimeZoneInfo _localZone;
    private readonly List<(int Start, int Length)> _matches = [];
    private readonly List<StyleChange> _styles = [];
    private ViewerState _state = new();
    private (RowKey? First, RowKey? Last, int Count) _drawn;
    private HashSet<int> _selectedEntry = [];
    private int[] _entryAtRow = [];
    private FoldedRows _folds = new(EmptyRows.Instance, EntryFolding.None);

    public LogPane(TimeZoneInfo localZone)
    {
        _localZone = localZone;
        CanFocus = true;
    }

    /// <summary>Lines a wheel notch moves, as in less and most terminals.</summary>
    public const int WheelRows = 3;

    /// <summary>Raised when the rows the pane can show changed (a resize): the controller dispatches it.</summary>
    public event Action<int>? PageHeightChanged;

    /// <summary>The wheel turned: rows to move (negative is up).</summary>
    public event Action<int>? Wheeled;

    /// <summary>A left click on a row: the index (in the filtered rows) of the entry drawn there.</summary>
    public event Action<int>? EntryClicked;

    /// <summary>A double click on an entry (its index): after the press of each click has selected it.</summary>
    public event Action<int>? EntryDoubleClicked;

    public void Render(ViewerState state)
    {
        var before = _state;
        _state = state;
        if (ShowsDifferently(before, state) || (!ReferenceEquals(before.Rows, state.Rows) && WindowMoved()))
        {
            SetNeedsDraw();
        }
    }

    protected override void OnFrameChanged(in Rectangle frame)
    {
        base.OnFrameChanged(frame);
        if (frame.Height != _state.PageHeight)
        {
            PageHeightChanged?.Invoke(Math.Max(1, frame.Height));
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var height = Viewport.Height;
        var width = Viewport.Width;
        var rows = _state.Rows;
        var count = rows.Count;
        var top = TopRowFor(count, height);
        var layout = ColumnLayout.For(width, _state);
        var gapRow = GapRow(rows);
        var row = 0;
        var skipLines = 0;
        _folds = new FoldedRows(rows, _state.Folding);
        if (_state.Wrap || !_folds.IsEmpty)
        {
            // Rows that take more or fewer than one screen line: lay the window out from what each row takes (the gap row too).
            (top, skipLines) = WrapStart(top, count, height, layout, gapRow);
        }
        else if (gapRow > top && gapRow < top + height && GapPushesOut(top, height, count))
        {
            top++;
        }

        // The oldest loaded line in view: a row above it says whether older lines are loading, loadable or none.
        var gapShown = gapRow > top && gapRow < top + height ? 1 : 0;
        var topRowText = top == 0 && skipLines == 0 && count > 0 && (_state.Wrap || !_folds.IsEmpty || !GapPushesOut(top, height - gapShown, count))
            ? OlderLinesReducer.TopRowText(_state, rows.At(0)!.Value.TimestampNanos)
            : null;
        _selectedEntry = [.. EntryGroups.EntryAt(rows, _state.Following ? count - 1 : _state.SelectedRow)];
        RowKey? first = null, last = null;
        if (_entryAtRow.Length != height)
        {
            _entryAtRow = new int[Math.Max(0, height)];
        }

        Array.Fill(_entryAtRow, -1);
        if (topRowText is not null && height > 1)
        {
            DrawTopRow(topRowText, width, normal);
            row++;
        }

        for (var index = top; row < height && index < count; index++)
        {
            if (rows.At(index) is not { } entry)
            {
                break;
            }

            if (index == gapRow && index > top)
            {
                DrawGapRow(rows, index, row, width, normal);
                if (++row >= height)
                {
                    break;
                }
            }

            var fold = _folds.At(index);
            if (fold.Hidden)
            {
                continue;
            }

            first ??= RowKey.Of(entry);
            last = RowKey.Of(entry);
            var entryRow = row;
            row = DrawEntry(entry, index, row, height, layout, normal, skipLines, fold.HiddenLines);
            Array.Fill(_entryAtRow, index, entryRow, row - entryRow);
            skipLines = 0;
        }

        _drawn = (first, last, count);
        SetAttribute(normal);
        for (; row < height; row++)
        {
            Move(0, row);
            AddStr(new string(' ', width));
        }

        if (count == 0)
        {
            DrawEmptyHint(width, height, normal);
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp) || mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            Wheeled?.Invoke(mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -WheelRows : WheelRows);
            return true;
        }

        // On the press, not the click: Terminal.Gui holds a click back to see whether it becomes a double click.
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) && EntryAt(mouse) is { } pressed)
        {
            EntryClicked?.Invoke(pressed);
            return true;
        }

        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked) && EntryAt(mouse) is { } doubleClicked)
        {
            EntryDoubleClicked?.Invoke(doubleClicked);
            return true;
        }

        return base.OnMouseEvent(mouse);
    }

    // The entry drawn on the row under the mouse, if any.
    private int? EntryAt(Mouse mouse) =>
        mouse.Position is { } at && at.Y >= 0 && at.Y < _entryAtRow.Length && _entryAtRow[at.Y] >= 0 ? _entryAtRow[at.Y] : null;

    /// <summary>Changes to the state that change what the pane shows.</summary>
    private static bool ShowsDifferently(ViewerState a, ViewerState b) =>
        a.TopRow != b.TopRow || a.SelectedRow != b.SelectedRow || a.TopKey != b.TopKey
        || a.SelectedKey != b.SelectedKey || a.Following != b.Following
        || a.HorizontalOffset != b.HorizontalOffset || a.Wrap != b.Wrap || a.TimeFormat != b.TimeFormat
        || !string.Equals(a.FilterText, b.FilterText, StringComparison.Ordinal)
        || !a.Replicas.SequenceEqual(b.Replicas) || !ReferenceEquals(a.Marks, b.Marks) || !ReferenceEquals(a.Alerts.Marked, b.Alerts.Marked) || a.SearchGapNanos != b.SearchGapNanos
        || !ReferenceEquals(a.Folding, b.Folding) || a.ShowRequestIds != b.ShowRequestIds
        || (b.TimeFormat == TimeFormat.Relative && a.Now != b.Now)
        || a.Older != b.Older || (a.TailStatus?.History != b.TailStatus?.History && a.TopRow == 0)
        // An empty pane says why it is empty; the reason can change (a deployment scaled to zero) with no line arriving.
        || (b.Rows.Count == 0 && !string.Equals(LifecycleText.EmptyPane(a.Lifecycle), LifecycleText.EmptyPane(b.Lifecycle), StringComparison.Ordinal));

    /// <summary>True when the rows now in view differ from those last drawn (lines arrived into the window).</summary>
    private bool WindowMoved()
    {
        var rows = _state.Rows;
        var count = rows.Count;
        if (_state.Wrap || !_state.Folding.IsEmpty || (count != _drawn.Count && (_state.Following || count < Viewport.Height || _drawn.Count < Viewport.Height)))
        {
            return true;
        }

        var top = TopRowFor(count, Viewport.Height);
        var bottom = Math.Min(count, top + Viewport.Height) - 1;
        return KeyAt(rows, top) != _drawn.First || KeyAt(rows, bottom) != _drawn.Last;
    }

    private static RowKey? KeyAt(IRowSource rows, int row) => rows.At(row) is { } r ? RowKey.Of(r) : null;

    private int TopRowFor(int count, int height)
    {
        if (_state.Following)
        {
            return Math.Max(0, count - height);
        }

        var top = _state.TopRow;
        return Math.Clamp(top, 0, Math.Max(0, count - 1));
    }

    /// <summary>
    /// The row the gap row is drawn above: the first loaded row after the server search's older matches, or -1
    /// when there is no gap or nothing on one side of it is shown.
    /// </summary>
    private int GapRow(IRowSource rows)
    {
        // A gap left by :goto far back comes first: the server search's lines are only ever older than the loaded range.
        if ((_state.Older.Gap?.UpperNanos ?? _state.SearchGapNanos) is not { } gap)
        {
            return -1;
        }

        var row = rows.RowAtOrAfterTime(gap);
        return row > 0 && row < rows.Count ? row : -1;
    }

    /// <summary>With the gap row in view, does the row that must show (the selection, or the newest while following) fall off the bottom?</summary>
    private bool GapPushesOut(int top, int height, int count)
    {
        var mustShow = _state.Following ? count - 1 : _state.SelectedRow;
        return mustShow >= top + height - 1;
    }

    /// <summary>Every line of the selected entry is drawn selected.</summary>
    private bool IsSelected(int index) => _selectedEntry.Contains(index);
}
