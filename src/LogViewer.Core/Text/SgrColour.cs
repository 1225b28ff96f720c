namespace LogViewer.Core.Text;

/// <summary>
/// A colour an SGR sequence asked for: a palette index (0-15 the basic and bright colours, 16-255 the 256-colour
/// cube and grey ramp) or a 24-bit colour (<see cref="IsRgb"/>, <see cref="Value"/> is 0xRRGGBB). What it maps to is
/// the drawing side's choice.
/// </summary>
public readonly record struct SgrColour(int Value, bool IsRgb)
{
    public static SgrColour Palette(int index) => new(index, false);

    public static SgrColour Rgb(int red, int green, int blue) => new((red << 16) | (green << 8) | blue, true);

    /// <summary>The colour as red, green and blue: the xterm values for palette indexes.</summary>
    public (int Red, int Green, int Blue) ToRgb()
    {
        if (IsRgb)
        {
            return ((Value >> 16) & 0xFF, (Value >> 8) & 0xFF, Value & 0xFF);
        }

        if (Value < 16)
        {
            // xterm's defaults for the sixteen basic colours.
            ReadOnlySpan<int> basic = [0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
                0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF];
            var rgb = basic[Value];
            return ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        }

        if (Value < 232)
        {
            ReadOnlySpan<int> levels = [0, 95, 135, 175, 215, 255];
            var cube = Value - 16;
            return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6]);
        }

        var grey = 8 + (10 * (Value - 232));
        return (grey, grey, grey);
    }
}
