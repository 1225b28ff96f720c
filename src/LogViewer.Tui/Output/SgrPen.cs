using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Output;

/// <summary>
/// The terminal's graphic rendition as last set, and the shortest SGR to another one: only the parts that change, in
/// one sequence. Terminal.Gui sends the foreground and the background (24-bit, two sequences) on every change and
/// again at the start of every frame; a log row changes colour several times (badge, replica, message), so most of
/// those bytes said what the terminal already had.
/// </summary>
internal sealed class SgrPen
{
    private const TextStyle BoldOrFaint = TextStyle.Bold | TextStyle.Faint;

    // What each style's "on" and "off" codes are; 22 ends bold and faint together.
    private static readonly (TextStyle Style, int On, int Off)[] Styles =
    [
        (TextStyle.Bold, 1, 22),
        (TextStyle.Faint, 2, 22),
        (TextStyle.Italic, 3, 23),
        (TextStyle.Underline, 4, 24),
        (TextStyle.Blink, 5, 25),
        (TextStyle.Reverse, 7, 27),
        (TextStyle.Strikethrough, 9, 29),
    ];

    /// <summary>The rendition the terminal has, or null when not known (at the start, after anything written around this pen).</summary>
    public Attribute? Current { get; private set; }

    public void Forget() => Current = null;

    /// <summary>Appends what takes the terminal to <paramref name="target"/> (nothing when it is there already).</summary>
    public void Append(StringBuilder output, Attribute target)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parameters = new StringBuilder();
        var from = Current ?? new Attribute(Color.None, Color.None, TextStyle.None);
        if (Current is null)
        {
            parameters.Append('0');
        }

        AppendStyleChange(parameters, from.Style, target.Style);
        if (Current is null ? target.Foreground != Color.None : target.Foreground != from.Foreground)
        {
            AppendColour(parameters, target.Foreground, foreground: true);
        }

        if (Current is null ? target.Background != Color.None : target.Background != from.Background)
        {
            AppendColour(parameters, target.Background, foreground: false);
        }

        if (parameters.Length > 0)
        {
            output.Append("\u001b[").Append(parameters).Append('m');
        }

        Current = target;
    }

    /// <summary>After a rendition was set some other way (Terminal.Gui's 16-colour codes): the terminal has it now.</summary>
    public void Set(Attribute attribute) => Current = attribute;

    private static void AppendStyleChange(StringBuilder parameters, TextStyle from, TextStyle to)
    {
        var removed = from & ~to;
        var added = to & ~from;
        if ((removed & BoldOrFaint) != 0)
        {
            // 22 ends both: the one that stays is turned on again.
            Append(parameters, 22);
            added |= to & BoldOrFaint;
            removed &= ~BoldOrFaint;
        }

        foreach (var (style, on, off) in Styles)
        {
            if ((removed & style) != 0)
            {
                Append(parameters, off);
            }

            if ((added & style) != 0)
            {
                Append(parameters, on);
            }
        }
    }

    private static void AppendColour(StringBuilder parameters, Color colour, bool foreground)
    {
        if (colour == Color.None)
        {
            Append(parameters, foreground ? 39 : 49);
            return;
        }

        Append(parameters, foreground ? 38 : 48);
        parameters.Append(";2;")
            .Append(colour.R.ToString(CultureInfo.InvariantCulture)).Append(';')
            .Append(colour.G.ToString(CultureInfo.InvariantCulture)).Append(';')
            .Append(colour.B.ToString(CultureInfo.InvariantCulture));
    }

    private static void Append(StringBuilder parameters, int code)
    {
        if (parameters.Length > 0)
        {
            parameters.Append(';');
        }

        parameters.Append(code.ToString(CultureInfo.InvariantCulture));
    }
}
