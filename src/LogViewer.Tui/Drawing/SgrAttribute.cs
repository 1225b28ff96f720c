using LogViewer.Core.Text;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace LogViewer.Tui.Drawing;

/// <summary>
/// A message's own SGR style as a Terminal.Gui attribute over the row's: the sixteen basic colours as
/// <see cref="ColorName16"/> (so a 16-colour terminal shows exactly them), 256-colour and 24-bit colours as RGB, which
/// the driver brings down to what the terminal has; unset colours keep the row's.
/// </summary>
internal static class SgrAttribute
{
    // SGR's order (black, red, green, yellow, blue, magenta, cyan, white, then bright) in Terminal.Gui's names.
    private static readonly ColorName16[] Basic =
    [
        ColorName16.Black, ColorName16.Red, ColorName16.Green, ColorName16.Yellow, ColorName16.Blue, ColorName16.Magenta, ColorName16.Cyan, ColorName16.Gray,
        ColorName16.DarkGray, ColorName16.BrightRed, ColorName16.BrightGreen, ColorName16.BrightYellow, ColorName16.BrightBlue, ColorName16.BrightMagenta,
        ColorName16.BrightCyan, ColorName16.White,
    ];

    public static Attribute Over(Attribute row, SgrStyle style)
    {
        if (style.IsPlain)
        {
            return row;
        }

        var attributes = style.Attributes;
        var text = row.Style;
        text |= attributes.HasFlag(SgrAttributes.Bold) ? TextStyle.Bold : TextStyle.None;
        text |= attributes.HasFlag(SgrAttributes.Faint) ? TextStyle.Faint : TextStyle.None;
        text |= attributes.HasFlag(SgrAttributes.Italic) ? TextStyle.Italic : TextStyle.None;
        text |= attributes.HasFlag(SgrAttributes.Underline) ? TextStyle.Underline : TextStyle.None;
        text |= attributes.HasFlag(SgrAttributes.Reverse) ? TextStyle.Reverse : TextStyle.None;
        text |= attributes.HasFlag(SgrAttributes.Strikethrough) ? TextStyle.Strikethrough : TextStyle.None;
        return new Attribute(
            style.Foreground is { } foreground ? ToColor(foreground) : row.Foreground,
            style.Background is { } background ? ToColor(background) : row.Background,
            text);
    }

    public static Color ToColor(SgrColour colour)
    {
        if (!colour.IsRgb && colour.Value < Basic.Length)
        {
            return new Color(Basic[colour.Value]);
        }

        var (red, green, blue) = colour.ToRgb();
        return new Color(red, green, blue);
    }
}
