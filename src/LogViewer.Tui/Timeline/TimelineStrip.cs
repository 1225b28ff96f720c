using System.Drawing;
using LogViewer.Core.Timeline;
using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Timeline;

/// <summary>
/// The timeline strip above the log pane: a header with the cursor's bucket (time range and counts), the bars (stacked
/// totals with the E/W level row under them, or one row per replica), and an axis of time labels with the cursor's mark. It draws the state's
/// histogram and reports how many buckets fit; it decides nothing.
/// </summary>
internal sealed class TimelineStrip : View
{
    /// <summary>Columns left of the bars: the scale, or a replica's name.</summary>
    public const int Gutter = 8;

    /// <summary>Rows of the stacked bars on a screen this high: 2 (16 steps of height in eighths), 3 from 30 rows, 4 from 40.</summary>
    public static int StackedRowsFor(int screenHeight) => screenHeight >= 40 ? 4 : screenHeight >= 30 ? 3 : 2;

    private static readonly Attribute ErrorColour = new(ColorName16.White, ColorName16.Red);
    private static readonly Attribute WarningColour = new(ColorName16.Black, ColorName16.Yellow);

    private ViewerState _state = new();
    private int _measured = -1;

    /// <summary>Buckets that fit: raised when the strip's width changed.</summary>
    public event Action<int>? Measured;

    /// <summary>A press on a bucket's column (its index).</summary>
    public event Action<int>? BucketClicked;

    /// <summary>A double click on a bucket's column, after the press of each click has raised <see cref="BucketClicked"/>.</summary>
    public event Action<int>? BucketDoubleClicked;

    /// <summary>The strip's rows for the state on a screen <paramref name="screenHeight"/> high: 0 when closed.</summary>
    public static int HeightFor(TimelineState timeline, int screenHeight)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (!timeline.Open)
        {
            return 0;
        }

        // The header and the axis; the stacked bars have the level row under them, the replica rows carry their levels.
        return timeline.ByReplica ? Math.Clamp(timeline.Histogram.Replicas.Count, 1, ReplicaRowsFor(screenHeight)) + 2 : StackedRowsFor(screenHeight) + 3;
    }

    public void Render(ViewerState state)
    {
        var before = _state;
        _state = state;
        if (!ReferenceEquals(before.Timeline, state.Timeline) || before.TimeFormat != state.TimeFormat || before.MessageColours != state.MessageColours)
        {
            SetNeedsDraw();
        }
    }

    protected override void OnFrameChanged(in Rectangle frame)
    {
        base.OnFrameChanged(frame);
        var columns = Math.Max(0, frame.Width - Gutter);
        if (frame.Width > 0 && columns != _measured)
        {
            _measured = columns;
            Measured?.Invoke(columns);
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        var height = Viewport.Height;
        var timeline = _state.Timeline;
        var histogram = timeline.Histogram;
        var zone = TimelineReducer.ZoneOf(_state);
        var cursor = timeline.CursorBucket;
        var colours = _state.MessageColours;

        Move(0, 0);
        SetAttribute(normal with { Style = normal.Style | TextStyle.Bold });
        var barRows = timeline.ByReplica ? height - 2 : height - 3;
        AddStr(Terminal.Gui.Text.TextFormatter.ClipOrPad(Header(histogram, cursor, zone, width, barRows), width));

        var replicas = histogram.Replicas;
        for (var row = 0; row < barRows; row++)
        {
            Move(0, row + 1);
            SetAttribute(normal);
            if (timeline.ByReplica)
            {
                var replica = row < replicas.Count ? replicas[row] : null;
                SetAttribute(colours && replica?.Replica is { } name ? new Attribute(ReplicaPalette.ColorOf(name), normal.Background) : normal);
                AddStr(GutterText(replica is null ? string.Empty : ShortName(replica.Replica)));
                var max = replicas.Count == 0 ? 0 : replicas.Max(r => r.MaxTotal);
                for (var bucket = 0; bucket < width - Gutter; bucket++)
                {
                    var cell = replica is not null && bucket < histogram.Count ? TimelineBars.Single(replica.At(bucket), max) : TimelineCell.Blank;
                    DrawCell(cell, bucket == cursor && timeline.Focused, normal, colours);
                }
            }
            else
            {
                AddStr(GutterText(row == 0 && histogram.Count > 0 ? $"{histogram.MaxTotal:N0}" : string.Empty));
                for (var bucket = 0; bucket < width - Gutter; bucket++)
                {
                    var cells = bucket < histogram.Count ? TimelineBars.Stacked(histogram.At(bucket), histogram.MaxTotal, barRows) : null;
                    DrawCell(cells?[barRows - 1 - row] ?? TimelineCell.Blank, bucket == cursor && timeline.Focused, normal, colours, onBar: true);
                }
            }
        }

        if (!timeline.ByReplica)
        {
            Move(0, height - 2);
            SetAttribute(normal);
            AddStr(GutterText("E/W"));
            for (var bucket = 0; bucket < width - Gutter; bucket++)
            {
                DrawCell(bucket < histogram.Count ? TimelineBars.Level(histogram.At(bucket)) : TimelineCell.Blank, bucket == cursor && timeline.Focused, normal, colours);
            }
        }

        Move(0, height - 1);
        SetAttribute(normal);
        var axis = TimelineBars.Axis(histogram, zone, width - Gutter, cursor).ToCharArray();
        if (cursor >= 0 && cursor < axis.Length)
        {
            axis[cursor] = '▲';
        }

        AddStr(Terminal.Gui.Text.TextFormatter.ClipOrPad((timeline.Focused ? "  ←h l→ " : string.Empty).PadRight(Gutter) + new string(axis), width));
        return true;
    }

    protected override bool OnMouseEvent(Terminal.Gui.Input.Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);

        // On the press, as the log pane does: Terminal.Gui holds a click back to see whether it becomes a double click.
        if (mouse.Position is { } at && at.X >= Gutter && at.X - Gutter < _state.Timeline.Histogram.Count)
        {
            if (mouse.Flags.HasFlag(Terminal.Gui.Input.MouseFlags.LeftButtonPressed))
            {
                BucketClicked?.Invoke(at.X - Gutter);
                return true;
            }

            if (mouse.Flags.HasFlag(Terminal.Gui.Input.MouseFlags.LeftButtonDoubleClicked))
            {
                BucketDoubleClicked?.Invoke(at.X - Gutter);
                return true;
            }
        }

        return base.OnMouseEvent(mouse);
    }

    private static string GutterText(string text) => (text.Length < Gutter ? text : text[..(Gutter - 1)]).PadRight(Gutter);

    private static int ReplicaRowsFor(int screenHeight) => Math.Max(3, (screenHeight / 3) - 2);

    /// <summary>A replica's name ends in what tells replicas apart (pod names share their beginning).</summary>
    private static string ShortName(string? replica) => replica is null ? "(none)" : replica.Length < Gutter ? replica : replica[^(Gutter - 1)..];

    private string Header(TimelineHistogram histogram, int cursor, TimeZoneInfo zone, int width, int barRows)
    {
        var timeline = _state.Timeline;
        var hint = timeline.Focused ? "h/l Enter:go r:replicas Tab:pane T:close" : "T: timeline keys";
        if (histogram.Count == 0)
        {
            return Fit(["Timeline: no lines shown"], hint, width);
        }

        var at = histogram.At(cursor);
        var full = $"Timeline {TimelineText.SizeOf(histogram.BucketNanos)}/col  {TimelineText.RangeOf(histogram, cursor, zone)}  {TimelineText.CountsOf(at)}";
        List<string> parts =
        [
            full.Length <= width ? full : $"{TimelineText.RangeOf(histogram, cursor, zone)} {at.Total:N0} lines {at.Errors:N0} err {at.Warnings:N0} warn",
            histogram.FirstErrorNanos is { } firstError ? $"first error {TimelineText.TimeOf(firstError, histogram.BucketNanos, zone)}" : "no errors",
        ];
        if (timeline.ByReplica && histogram.Replicas.Count > barRows)
        {
            parts.Add($"{histogram.Replicas.Count - barRows} more replicas not shown");
        }

        if (histogram.SkippedBefore > 0)
        {
            parts.Add($"{histogram.SkippedBefore:N0} older lines off the left");
        }

        return Fit(parts, hint, width);
    }

    /// <summary>The parts that fit, in order, then the hint on the right when there is room for it.</summary>
    private static string Fit(List<string> parts, string hint, int width)
    {
        var text = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (text.Length + 3 + part.Length <= width)
            {
                text += " · " + part;
            }
        }

        return text.Length + 2 + hint.Length <= width ? text + new string(' ', width - text.Length - hint.Length) + hint : text;
    }

    /// <summary>A cell in its group's colour (with colour on): a bar's blocks in red or yellow, a letter on red or yellow.</summary>
    private void DrawCell(TimelineCell cell, bool atCursor, Attribute normal, bool colours, bool onBar = false)
    {
        var attribute = !colours ? normal : cell.Kind switch
        {
            TimelineCellKind.Error => onBar ? new Attribute(ColorName16.Red, normal.Background) : ErrorColour,
            TimelineCellKind.Warning => onBar ? new Attribute(ColorName16.Yellow, normal.Background) : WarningColour,
            _ => normal,
        };
        SetAttribute(atCursor ? attribute with { Style = attribute.Style | TextStyle.Reverse } : attribute);
        AddStr(atCursor && cell.Kind == TimelineCellKind.Empty ? "│" : cell.Glyph.ToString());
    }
}
