using LogViewer.Core.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LogViewer.Tui.Drawing;

/// <summary>
/// Draws sanitized text in a message's own SGR styles (<see cref="TerminalText.Sanitize(string, List{StyleChange})"/>)
/// over a row's attribute, for every view that shows messages outside the log pane (the pane also draws matches and
/// the selection over them, so it walks its clusters itself).
/// </summary>
internal static class StyledText
{
    /// <summary>
    /// Draws <paramref name="text"/> at the view's cursor, at most <paramref name="width"/> cells (a wide character that
    /// does not fit is left out), each styled stretch in its attribute; returns the cells drawn.
    /// </summary>
    public static int Draw(View view, string text, IReadOnlyList<StyleChange> styles, int width, Attribute normal)
    {
        var fits = 0;
        var cells = 0;
        while (fits < text.Length)
        {
            var length = CellWidth.ClusterLength(text, fits);
            var columns = CellWidth.OfCluster(text.AsSpan(fits, length));
            if (cells + columns > width)
            {
                break;
            }

            cells += columns;
            fits += length;
        }

        var position = 0;
        var style = SgrStyle.Plain;
        for (var i = 0; i <= styles.Count && position < fits; i++)
        {
            var end = i < styles.Count ? Math.Min(fits, styles[i].Position) : fits;
            if (end > position)
            {
                view.SetAttribute(SgrAttribute.Over(normal, style));
                view.AddStr(text[position..end]);
                position = end;
            }

            if (i < styles.Count)
            {
                style = styles[i].Style;
            }
        }

        view.SetAttribute(normal);
        return cells;
    }
}
