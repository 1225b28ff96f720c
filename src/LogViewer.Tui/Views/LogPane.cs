using System.Drawing;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
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

    private readonly TimeZoneInfo _localZone;
    private readonly List<(int Start, int Length)> _matches = [];
    private ViewerState _state = new();
    private (RowKey? First, RowKey? Last, int Count) _drawn;

    public LogPane(TimeZoneInfo localZone)
    {
        _localZone = localZone;
        CanFocus = true;
    }

    /// <summary>Raised when the rows the pane can show changed (a resize): the controller dispatches it.</summary>
    public event Action<int>? PageHeightChanged;

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

        var row = 0;
        var skipLines = 0;
        if (_state.Wrap)
        {
            (top, skipLines) = WrapStart(top, count, height, layout);
        }

        RowKey? first = null, last = null;
        for (var index = top; row < height && index < count; index++)
        {
            if (rows.At(index) is not { } entry)
            {
                break;
            }

            first ??= RowKey.Of(entry);
            last = RowKey.Of(entry);
            row = DrawEntry(entry, index, row, height, layout, normal, skipLines);
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

    /// <summary>Changes to the state that change what the pane shows.</summary>
    private static bool ShowsDifferently(ViewerState a, ViewerState b) =>
        a.TopRow != b.TopRow || a.SelectedRow != b.SelectedRow || a.TopKey != b.TopKey
        || a.SelectedKey != b.SelectedKey || a.Following != b.Following
        || a.HorizontalOffset != b.HorizontalOffset || a.Wrap != b.Wrap || a.TimeFormat != b.TimeFormat
        || !string.Equals(a.FilterText, b.FilterText, StringComparison.Ordinal)
        || !a.Replicas.SequenceEqual(b.Replicas)
        || (b.TimeFormat == TimeFormat.Relative && a.Now != b.Now)
        // An empty pane says why it is empty; the reason can change (a deployment scaled to zero) with no line arriving.
        || (b.Rows.Count == 0 && !string.Equals(LifecycleText.EmptyPane(a.Lifecycle), LifecycleText.EmptyPane(b.Lifecycle), StringComparison.Ordinal));

    /// <summary>True when the rows now in view differ from those last drawn (lines arrived into the window).</summary>
    private bool WindowMoved()
    {
        var rows = _state.Rows;
        var count = rows.Count;
        if (_state.Wrap || (count != _drawn.Count && (_state.Following || count < Viewport.Height || _drawn.Count < Viewport.Height)))
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

    private bool IsSelected(int index, int count) => _state.Following ? index == count - 1 : index == _state.SelectedRow;
}
