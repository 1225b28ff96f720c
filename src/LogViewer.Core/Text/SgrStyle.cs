using System.Globalization;

namespace LogViewer.Core.Text;

/// <summary>
/// The text style a run of SGR sequences (<c>ESC [ ... m</c>) leaves in force: foreground, background (null is the
/// terminal's default) and attributes. <see cref="Apply"/> reads one sequence's parameters as a terminal does:
/// empty or 0 resets; 1/2/3/4/7/9 set bold, faint, italic, underline, reverse, strikethrough, 22/23/24/27/29 clear
/// them; 30-37, 90-97 and 40-47, 100-107 pick basic colours, 38/48 with <c>5;N</c> a 256-colour index or <c>2;R;G;B</c>
/// a 24-bit colour (colon-separated forms too), 39/49 the default. Anything else is ignored.
/// </summary>
public readonly record struct SgrStyle(SgrColour? Foreground, SgrColour? Background, SgrAttributes Attributes)
{
    public static SgrStyle Plain { get; }

    public bool IsPlain => this == Plain;

    /// <summary>This style after the SGR sequence with these parameter characters (between <c>ESC [</c> and <c>m</c>).</summary>
    public SgrStyle Apply(ReadOnlySpan<char> parameters)
    {
        Span<int> values = stackalloc int[32];
        var count = 0;
        var current = -1;
        foreach (var c in parameters)
        {
            if (c is ';' or ':')
            {
                if (count < values.Length)
                {
                    values[count++] = Math.Max(0, current);
                }

                current = -1;
            }
            else if (char.IsAsciiDigit(c))
            {
                current = Math.Min(100_000, (Math.Max(0, current) * 10) + (c - '0'));
            }
        }

        if (count < values.Length)
        {
            values[count++] = Math.Max(0, current);
        }

        var style = this;
        for (var i = 0; i < count; i++)
        {
            var p = values[i];
            switch (p)
            {
                case 0: style = Plain; break;
                case 1: style = style with { Attributes = (style.Attributes | SgrAttributes.Bold) & ~SgrAttributes.Faint }; break;
                case 2: style = style with { Attributes = (style.Attributes | SgrAttributes.Faint) & ~SgrAttributes.Bold }; break;
                case 3: style = style with { Attributes = style.Attributes | SgrAttributes.Italic }; break;
                case 4: style = style with { Attributes = style.Attributes | SgrAttributes.Underline }; break;
                case 7: style = style with { Attributes = style.Attributes | SgrAttributes.Reverse }; break;
                case 9: style = style with { Attributes = style.Attributes | SgrAttributes.Strikethrough }; break;
                case 22: style = style with { Attributes = style.Attributes & ~(SgrAttributes.Bold | SgrAttributes.Faint) }; break;
                case 23: style = style with { Attributes = style.Attributes & ~SgrAttributes.Italic }; break;
                case 24: style = style with { Attributes = style.Attributes & ~SgrAttributes.Underline }; break;
                case 27: style = style with { Attributes = style.Attributes & ~SgrAttributes.Reverse }; break;
                case 29: style = style with { Attributes = style.Attributes & ~SgrAttributes.Strikethrough }; break;
                case >= 30 and <= 37: style = style with { Foreground = SgrColour.Palette(p - 30) }; break;
                case >= 90 and <= 97: style = style with { Foreground = SgrColour.Palette(p - 90 + 8) }; break;
                case >= 40 and <= 47: style = style with { Background = SgrColour.Palette(p - 40) }; break;
                case >= 100 and <= 107: style = style with { Background = SgrColour.Palette(p - 100 + 8) }; break;
                case 39: style = style with { Foreground = null }; break;
                case 49: style = style with { Background = null }; break;
                case 38 or 48:
                    var (colour, used) = Extended(values[(i + 1)..count]);
                    i += used;
                    if (colour is { } chosen)
                    {
                        style = p == 38 ? style with { Foreground = chosen } : style with { Background = chosen };
                    }

                    break;
            }
        }

        return style;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"fg={Foreground} bg={Background} {Attributes}");

    // After 38/48: "5;N" or "2;R;G;B"; returns the colour (null when malformed) and how many parameters it took.
    private static (SgrColour? Colour, int Used) Extended(ReadOnlySpan<int> rest) => rest switch
    {
        [5, var index, ..] => (index <= 255 ? SgrColour.Palette(index) : null, 2),
        [2, var r, var g, var b, ..] => (r <= 255 && g <= 255 && b <= 255 ? SgrColour.Rgb(r, g, b) : null, 4),
        [5] or [2, ..] => (null, rest.Length),
        _ => (null, 0),
    };
}
