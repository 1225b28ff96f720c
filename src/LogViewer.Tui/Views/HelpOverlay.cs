using LogViewer.Tui.Keys;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LogViewer.Tui.Views;

/// <summary>The key table, over the log pane: in two columns when they fit, otherwise one column that j/k scroll.</summary>
internal sealed class HelpOverlay : View
{
    private static readonly IReadOnlyList<string> Lines = KeyTable.HelpLines();
    private static readonly int LineWidth = Lines.Max(l => l.Length);
    private int _scroll;

    public HelpOverlay()
    {
        BorderStyle = LineStyle.Single;
        Title = "Keys (? or Esc closes)";
        Visible = false;
    }

    public void Render(ViewerState state)
    {
        if (Visible != state.HelpVisible)
        {
            Visible = state.HelpVisible;
            SuperView?.SetNeedsDraw();
        }

        if (_scroll != state.HelpScroll)
        {
            _scroll = state.HelpScroll;
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        var height = Math.Max(1, Viewport.Height);
        var columns = width >= (2 * LineWidth) + 1 && (Lines.Count + 1) / 2 <= height ? 2 : 1;
        var perColumn = (Lines.Count + columns - 1) / columns;
        var scroll = columns == 2 ? 0 : Math.Clamp(_scroll, 0, Math.Max(0, Lines.Count - height));
        var columnWidth = columns == 2 ? width / 2 : width;
        SetAttribute(normal);
        for (var row = 0; row < height; row++)
        {
            Move(0, row);
            for (var column = 0; column < columns; column++)
            {
                var index = scroll + row + (column * perColumn);
                var text = row < perColumn && index < Lines.Count ? Lines[index] : string.Empty;
                AddStr(TextFormatter.ClipOrPad(text, column == columns - 1 ? width - (column * columnWidth) : columnWidth));
            }
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }
}
