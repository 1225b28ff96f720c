using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Detail;

/// <summary>
/// The detail pane, over the log pane while open: the selected entry's fields and whole text, wrapped, scrolled
/// by the movement keys. It reports how many rows the text takes so the reducer stops scrolling at the end.
/// </summary>
internal sealed class DetailPane : View
{
    private readonly TimeZoneInfo _zone;
    private DetailState _detail = DetailState.Closed;
    private List<StyledRow> _rows = [];
    private bool _colours = true;
    private int _laidOutWidth = -1;

    public DetailPane(TimeZoneInfo zone)
    {
        _zone = zone;
        BorderStyle = LineStyle.Single;
        Title = "Entry (j/k PgUp/PgDn g/G scroll; Esc, q or Enter closes)";
        Visible = false;
    }

    /// <summary>The text now takes this many rows (a new entry or a new width).</summary>
    public event Action<int, int>? Measured;

    public void Render(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = _detail;
        _detail = state.Detail;
        _colours = state.MessageColours;
        if (Visible != _detail.Open)
        {
            Visible = _detail.Open;
            SuperView?.SetNeedsDraw();
        }

        if (before.Lines != _detail.Lines || before.Open != _detail.Open)
        {
            _laidOutWidth = -1;
        }

        if (_detail.Open)
        {
            if (before.Scroll != _detail.Scroll || _laidOutWidth < 0)
            {
                SetNeedsDraw();
            }

            LayOut();
            if ((_rows.Count != _detail.TextRows || Viewport.Height != _detail.VisibleRows) && _laidOutWidth > 0)
            {
                Measured?.Invoke(_rows.Count, Viewport.Height);
            }
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        LayOut();
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        var height = Viewport.Height;
        var scroll = Math.Clamp(_detail.Scroll, 0, Math.Max(0, _rows.Count - height));
        SetAttribute(normal);
        for (var row = 0; row < height; row++)
        {
            Move(0, row);
            var index = scroll + row;
            if (index < _rows.Count && !_rows[index].Styles.IsEmpty)
            {
                DrawStyled(_rows[index], width, normal);
                continue;
            }

            SetAttribute(normal);
            AddStr(TextFormatter.ClipOrPad(index < _rows.Count ? _rows[index].Text : string.Empty, width));
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    /// <summary>A row in the message's own colours: each styled stretch drawn in its attribute, the rest padded.</summary>
    private void DrawStyled(StyledRow row, int width, Attribute normal)
    {
        var drawn = StyledText.Draw(this, row.Text, row.Styles, width, normal);
        AddStr(new string(' ', Math.Max(0, width - drawn)));
    }

    private void LayOut()
    {
        var width = Viewport.Width;
        if (width <= 0 || width == _laidOutWidth)
        {
            return;
        }

        _laidOutWidth = width;
        _rows = DetailText.StyledRowsFor(_detail, width, _zone, _colours);
        SetNeedsDraw();
    }
}
