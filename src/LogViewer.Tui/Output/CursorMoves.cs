using System.Drawing;
using System.Globalization;
using System.Text;

namespace LogViewer.Tui.Output;

/// <summary>
/// The shortest way to put the cursor somewhere, given where it is (when known): over a few cells of the same row
/// (CUF, 3-4 bytes), to the start of the next row (CR LF), or anywhere (CUP, 3-8 bytes). Terminal.Gui sends a CUP for
/// every run of cells, and a changed row of a log is many short runs.
/// </summary>
internal static class CursorMoves
{
    /// <param name="output">Where the move goes.</param>
    /// <param name="at">Where the cursor is; its X may be <paramref name="columns"/> (a row was written to its end and
    /// the terminal waits to wrap); null when not known.</param>
    /// <param name="to">Where it must go.</param>
    /// <param name="rows">The screen's rows: a line feed on the last one would scroll the screen.</param>
    /// <param name="columns">The screen's columns.</param>
    public static void Append(StringBuilder output, Point? at, Point to, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (at == to)
        {
            return;
        }

        var best = Absolute(to);
        if (at is { } from)
        {
            // CR also ends a pending wrap. A line feed scrolls only from the last row, and to.Y < rows rules that out.
            if (from.Y == to.Y)
            {
                best = Shorter(best, "\r" + Forward(to.X));
                if (from.X < columns && to.X > from.X)
                {
                    best = Shorter(best, Forward(to.X - from.X));
                }
            }
            else if (to.Y == from.Y + 1 && to.Y < rows)
            {
                best = Shorter(best, "\r\n" + Forward(to.X));
            }
        }

        output.Append(best);
    }

    // CUP, 1-based, with the parts that are 1 left out.
    public static string Absolute(Point to)
    {
        var text = new StringBuilder("\u001b[");
        if (to.Y > 0 || to.X > 0)
        {
            text.Append((to.Y + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (to.X > 0)
        {
            text.Append(';').Append((to.X + 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.Append('H').ToString();
    }

    private static string Forward(int cells) => cells switch
    {
        0 => string.Empty,
        1 => "\u001b[C",
        _ => $"\u001b[{cells.ToString(CultureInfo.InvariantCulture)}C",
    };

    private static string Shorter(string a, string b) => b.Length < a.Length ? b : a;
}
