using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Charts;

/// <summary>
/// The metric chart, over the log pane while open (<c>:chart KEY</c>, <c>#</c>): <see cref="ChartLayout"/>'s picture,
/// each series in its replica's palette colour unless <c>NO_COLOR</c>, where the series' letters tell them apart.
/// Redrawn when the chart's data, the replica selection or the size changes.
/// </summary>
internal sealed class ChartPane : View
{
    private ViewerState _state = new();

    public ChartPane()
    {
        BorderStyle = LineStyle.Single;
        Visible = false;

        // The title holds the key, and keys have underscores (grad_norm): not a hot key mark here.
        HotKeySpecifier = new System.Text.Rune(0xFFFF);
    }

    public void Render(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = _state;
        _state = state;
        var chart = state.Chart;
        if (Visible != chart.Open)
        {
            Visible = chart.Open;
            SuperView?.SetNeedsDraw();
        }

        if (!chart.Open)
        {
            return;
        }

        Title = ChartLayout.Title(chart);
        if (!ReferenceEquals(before.Chart, chart) || before.Rules != state.Rules || before.TimeFormat != state.TimeFormat)
        {
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var axis = normal with { Style = TextStyle.Faint };
        var width = Viewport.Width;
        var zone = _state.TimeFormat == TimeFormat.UtcIso ? TimeZoneInfo.Utc : _state.LocalZone;
        var rows = ChartLayout.Rows(_state.Chart, _state.IsReplicaVisible, width, Viewport.Height, zone);
        var series = _state.Chart.Data?.Series ?? [];
        for (var row = 0; row < rows.Count; row++)
        {
            Move(0, row);
            var used = 0;
            foreach (var span in rows[row])
            {
                var attribute = span.Series switch
                {
                    ChartSpan.Axis => axis,
                    >= 0 when _state.MessageColours && span.Series < series.Length => normal with { Foreground = new Color(ReplicaPalette.ColorOf(series[span.Series].Replica ?? string.Empty)) },
                    _ => normal,
                };
                var text = TextFormatter.ClipOrPad(span.Text, Math.Min(width - used, span.Text.GetColumns()));
                SetAttribute(attribute);
                AddStr(text);
                used += text.GetColumns();
            }

            SetAttribute(normal);
            AddStr(new string(' ', Math.Max(0, width - used)));
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }
}
