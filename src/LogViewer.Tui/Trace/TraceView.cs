using LogViewer.Core.Text;
using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Trace;

/// <summary>
/// The request trace, over the whole screen above the filter line while open: where its lines came from on the first
/// row, then one row per line (time since the first line, time, level, replica, message), clipped to the width.
/// </summary>
internal sealed class TraceView : View
{
    private readonly TimeZoneInfo _zone;
    private readonly List<StyleChange> _styles = [];
    private ViewerState _state = new();

    public TraceView(TimeZoneInfo zone)
    {
        _zone = zone;
        BorderStyle = LineStyle.Single;
        Visible = false;
    }

    /// <summary>The view shows this many trace lines at once (on open and on resize).</summary>
    public event Action<int>? Measured;

    public int VisibleRows => Math.Max(1, Viewport.Height - 1);

    public void Render(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = _state.Trace;
        _state = state;
        var trace = state.Trace;
        if (Visible != trace.Open)
        {
            Visible = trace.Open;
            SuperView?.SetNeedsDraw();
        }

        if (!trace.Open)
        {
            return;
        }

        Title = TraceText.Title(trace);
        if (!ReferenceEquals(before, trace))
        {
            SetNeedsDraw();
        }

        if (Viewport.Height > 0 && VisibleRows != trace.VisibleRows)
        {
            Measured?.Invoke(VisibleRows);
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var trace = _state.Trace;
        var width = Viewport.Width;
        var height = Viewport.Height;
        Move(0, 0);
        SetAttribute(trace.NoteIsError ? normal with { Foreground = new Color(ColorName16.BrightRed) } : normal with { Style = TextStyle.Faint });
        AddStr(TextFormatter.ClipOrPad(trace.Note ?? string.Empty, width));
        var lines = trace.Lines;
        var scroll = Math.Clamp(trace.Scroll, 0, Math.Max(0, lines.Length - VisibleRows));
        var offsetWidth = lines.Length == 0 ? 0 : TraceText.Offset(lines[0], lines[^1]).Length;
        for (var row = 1; row < height; row++)
        {
            Move(0, row);
            var index = scroll + row - 1;
            if (index >= lines.Length)
            {
                SetAttribute(normal);
                AddStr(new string(' ', width));
                continue;
            }

            var line = lines[index];
            var prefix = TraceText.Offset(lines[0], line).PadLeft(offsetWidth) + " "
                + TimeColumn.Format(line.TimestampNanos, _state.TimeFormat, _state.Now, _zone) + " ";
            DrawRow(prefix, line, width, normal);
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }

    private void DrawRow(string prefix, Core.Model.LogEntry line, int width, Attribute normal)
    {
        var used = 0;
        void Put(string text, Attribute attribute)
        {
            if (used >= width)
            {
                return;
            }

            var clipped = TextFormatter.ClipOrPad(text, Math.Min(width - used, CellWidth.Of(text)));
            SetAttribute(attribute);
            AddStr(clipped);
            used += CellWidth.Of(clipped);
        }

        Put(prefix, normal);
        Put(LevelBadge.TextOf(line.Level), LevelBadge.AttributeOf(line.Level) ?? normal);
        Put(" ", normal);
        if (line.Replica is { } replica)
        {
            Put(TerminalText.Sanitize(replica) + " ", normal with { Foreground = new Color(ReplicaPalette.ColorOf(replica)) });
        }

        // The message in its own SGR colours, as the pane and the detail pane draw it; NO_COLOR only removes them.
        var message = _state.MessageColours ? TerminalText.Sanitize(line.Message, _styles) : TerminalText.Sanitize(line.Message);
        if (!_state.MessageColours)
        {
            _styles.Clear();
        }

        if (used < width)
        {
            used += StyledText.Draw(this, message, _styles, width - used, normal);
        }

        Put(new string(' ', Math.Max(0, width - used)), normal);
    }
}
