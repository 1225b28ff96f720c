using LogViewer.Tui.Alerts;
using LogViewer.Tui.Keys;
using LogViewer.Tui.Timeline;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.Rules;
using LogViewer.Tui.State;
using LogViewer.Tui.Viewer;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LogViewer.Tui.Views;

/// <summary>
/// The key table, the rule panel's keys, the alerts list's keys and the <c>:</c> commands, over the log pane: keys in two columns when they
/// fit, then the panel keys and the commands; j/k scroll when it is taller than the screen.
/// </summary>
internal sealed class HelpOverlay : View
{
    private static readonly IReadOnlyList<string> KeyLines = KeyTable.HelpLines();
    private static readonly IReadOnlyList<string> CommandLines =
    [
        "",
        "Rule panel (Tab): an entry shows when no out-rule matches and, if in-rules are on, one does",
        "  Patterns are smartcase: case-insensitive unless they hold an uppercase letter; /REGEX/ is a regex",
        .. KeyCommand.HelpLines(RulePanelKeys.Commands).Select(line => "  " + line),
        "",
        "Alerts (:alert PATTERN, --alert): a new line that matches rings and notifies, at most once",
        "  a minute per rule (\"... and N more\"); matched lines show ! before the level; Tab lists them",
        "Alerts list (:alerts), newest first:",
        .. KeyCommand.HelpLines(AlertListKeys.Commands).Select(line => "  " + line),
        "",
        "Commands (type :; Tab completes names and arguments, Up/Down recall)",
        .. CommandRegistry.HelpLines(),
        "",
        "Timeline (T, :timeline): E = errors, W = warnings; while the strip has the keys:",
        .. KeyCommand.HelpLines(TimelineKeys.Commands).Select(line => "  " + line),
    ];
    private static readonly int KeyLineWidth = KeyLines.Max(l => l.Length);
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

    /// <summary>The overlay's rows for a width: key lines paired into two columns when both fit, then the commands.</summary>
    internal static List<string> RowsFor(int width)
    {
        var rows = new List<string>();
        if (width >= (2 * KeyLineWidth) + 1)
        {
            var perColumn = (KeyLines.Count + 1) / 2;
            for (var i = 0; i < perColumn; i++)
            {
                var right = i + perColumn < KeyLines.Count ? KeyLines[i + perColumn] : string.Empty;
                rows.Add(KeyLines[i].PadRight(width / 2) + right);
            }
        }
        else
        {
            rows.AddRange(KeyLines);
        }

        rows.AddRange(CommandLines);
        return rows;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        var height = Math.Max(1, Viewport.Height);
        var rows = RowsFor(width);
        var scroll = Math.Clamp(_scroll, 0, Math.Max(0, rows.Count - height));
        SetAttribute(normal);
        for (var row = 0; row < height; row++)
        {
            Move(0, row);
            var index = scroll + row;
            AddStr(TextFormatter.ClipOrPad(index < rows.Count ? rows[index] : string.Empty, width));
        }

        context?.AddDrawnRectangle(ViewportToScreen());
        return true;
    }
}
