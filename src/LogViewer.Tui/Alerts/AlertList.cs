using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LogViewer.Tui.Alerts;

/// <summary>
/// The recent alerts (<c>:alerts</c>) over the log pane, newest first: the line's time, the rule, the line. Enter selects
/// the line in the pane; Esc closes.
/// </summary>
internal sealed class AlertList : View
{
    private readonly TimeZoneInfo _localZone;
    private ViewerState _state = new();

    public AlertList(TimeZoneInfo localZone)
    {
        _localZone = localZone;
        BorderStyle = LineStyle.Single;
        Title = "Alerts (Enter selects the line, Esc closes)";
        Visible = false;
    }

    public void Render(ViewerState state)
    {
        var before = _state;
        _state = state;
        if (Visible != state.Alerts.ListOpen)
        {
            Visible = state.Alerts.ListOpen;
            SuperView?.SetNeedsDraw();
        }

        if (!ReferenceEquals(before.Alerts, state.Alerts))
        {
            SetNeedsDraw();
        }
    }

    /// <summary>Row <paramref name="index"/> of the list (0 is the newest): "12:03:04  Traceback  Traceback (most recent call last):".</summary>
    internal static string RowText(ViewerState state, int index, TimeZoneInfo localZone)
    {
        var recent = state.Alerts.Recent;
        var hit = recent[recent.Count - 1 - index];
        var time = TimeColumn.Format(hit.Line.TimestampNanos, state.TimeFormat, state.Now, localZone).Trim();
        return $"{time}  {hit.Pattern.Display}  {AlertReducer.Excerpt(hit.Line.Message)}";
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var selected = GetAttributeForRole(VisualRole.Focus);
        var width = Viewport.Width;
        var height = Math.Max(1, Viewport.Height);
        var alerts = _state.Alerts;
        var first = Math.Clamp(alerts.ListCursor - height + 1, 0, Math.Max(0, alerts.Recent.Count - height));
        for (var row = 0; row < height; row++)
        {
            var index = first + row;
            Move(0, row);
            SetAttribute(index == alerts.ListCursor ? selected : normal);
            AddStr(TextFormatter.ClipOrPad(index < alerts.Recent.Count ? RowText(_state, index, _localZone) : string.Empty, width));
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }
}
