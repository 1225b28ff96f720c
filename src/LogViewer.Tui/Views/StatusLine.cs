using LogViewer.Core.Tail;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Views;

/// <summary>The bottom row: target, tail state, counts, rate, following or paused. Redraws only when its text changes.</summary>
internal sealed class StatusLine(string title) : View
{
    private ViewerState _state = new();
    private string _drawn = string.Empty;

    public void Render(ViewerState state)
    {
        _state = state;
        if (!string.Equals(StatusText.For(state, title, Math.Max(1, Viewport.Width)), _drawn, StringComparison.Ordinal))
        {
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var alarm = _state.TailStatus?.State is TailState.Fatal or TailState.Retrying;
        var attribute = alarm ? new Attribute(ColorName16.White, ColorName16.Red) : normal with { Style = normal.Style | TextStyle.Reverse };
        _drawn = StatusText.For(_state, title, Math.Max(1, Viewport.Width));
        SetAttribute(attribute);
        Move(0, 0);
        AddStr(TextFormatter.ClipOrPad(_drawn, Viewport.Width));
        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }
}
