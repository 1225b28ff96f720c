using System.Globalization;

namespace LogViewer.Core.Text;

/// <summary>
/// The text style a run of SGR sequences (<c>ESC [ ... m</c>) leaves in force: foreground, background (null is the
/// terminal's default) and attributes. <see cref="Apply"/> reads one sequence's parameters as a terminal does:
/// empty or 0 resets; 1/2/3/4/7/9 set bold, faint, italic, underline, reverse, strikethrough, 22/23/24/27/29 clear
/// them; 30-37, 90-97 and 40-47, 100-107 pick basic colours, 38/48 with <c>5;N</c> a 256-colour index or <c>2;R;G;B</c>
/// a 24-bit colour, and so do the colon forms <c>38:5:N</c>, <c>38:2:R:G:B</c> and <c>38:2:Pi:R:G:B</c> (Pi the
/// colour space id, usually empty: <c>38:2::R:G:B</c>), each one parameter; 39/49 the default. Anything else is ignored.
/// </summary>
public readonly record struct SgrStyle(SgrColour? Foreground, SgrColour? Background, SgrAttributes Attributes)
{
    public static SgrStyle Plain { get; }

    public bool IsPlain => this == Plain;

    /// <summary>This style after the SGR sequence with these parameter characters (between <c>ESC [</c> and <c>m</c>).</summary>
    public SgrStyle Apply(ReadOnlySpan<char> parameters)
    {
        // Values in order, and where each parameter (a value with its colon sub-parameters) ends: ITU T.416's
        // "38:2:Pi:R:G:B" is one parameter, so its values are never read as codes of their own.
        Span<int> values = stackalloc int[32];
        Span<int> ends = stackalloc int[32];
        var count = 0;
        var groups = 0;
        var current = -1;
        foreach (var c in parameters)
        {
            if (c is not (';' or ':'))
            {
                current = char.IsAsciiDigit(c) ? Math.Min(100_000, (Math.Max(0, current) * 10) + (c - '0')) : current;
                continue;
            }

            if (count == values.Length)
            {
                break;
            }

            values[count++] = Math.Max(0, current);
            current = -1;
            if (c == ';')
            {
                ends[groups++] = count;
            }
        }

        if (count < values.Length)
        {
            values[count++] = Math.Max(0, current);
        }

        if (groups == 0 || ends[groups - 1] < count)
        {
            ends[groups++] = count;
        }

        var style = this;
        for (var g = 0; g < groups; g++)
        {
            var group = values[(g == 0 ? 0 : ends[g - 1])..ends[g]];
            if (group.Length > 1)
            {
                style = style.ApplyColonForm(group);
            }
            else if (group[0] is 38 or 48)
            {
                // The semicolon form, "38;5;N" or "38;2;R;G;B": the colour's values are the parameters that follow.
                // A parameter with sub-parameters is not one of them.
                var following = 0;
                while (following < 4 && g + 1 + following < groups && ends[g + 1 + following] - ends[g + following] == 1)
                {
                    following++;
                }

                var (colour, used) = Extended(values.Slice(ends[g], following));
                style = style.WithColour(group[0], colour);
                g += used;
            }
            else
            {
                style = style.ApplyCode(group[0]);
            }
        }

        return style;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"fg={Foreground} bg={Background} {Attributes}");

    // A parameter with sub-parameters: "38:5:N", "38:2:R:G:B" or "38:2:Pi:R:G:B" (Pi the colour space, often empty),
    // the same for 48; "4:0" ends underlining and "4:N" is a style of underline; any other code reads as its value.
    private SgrStyle ApplyColonForm(ReadOnlySpan<int> group) => group switch
    {
        [38 or 48, 5, var index, ..] => WithColour(group[0], index <= 255 ? SgrColour.Palette(index) : null),
        [38 or 48, 2, var r, var g, var b] => WithColour(group[0], RgbOrNull(r, g, b)),
        [38 or 48, 2, _, var r, var g, var b, ..] => WithColour(group[0], RgbOrNull(r, g, b)),
        [38 or 48, ..] => this,
        [4, 0, ..] => ApplyCode(24),
        _ => ApplyCode(group[0]),
    };

    private SgrStyle WithColour(int code, SgrColour? colour) => colour is not { } chosen ? this
        : code == 38 ? this with { Foreground = chosen } : this with { Background = chosen };

    private SgrStyle ApplyCode(int p) => p switch
    {
        0 => Plain,
        1 => this with { Attributes = (Attributes | SgrAttributes.Bold) & ~SgrAttributes.Faint },
        2 => this with { Attributes = (Attributes | SgrAttributes.Faint) & ~SgrAttributes.Bold },
        3 => this with { Attributes = Attributes | SgrAttributes.Italic },
        4 => this with { Attributes = Attributes | SgrAttributes.Underline },
        7 => this with { Attributes = Attributes | SgrAttributes.Reverse },
        9 => this with { Attributes = Attributes | SgrAttributes.Strikethrough },
        22 => this with { Attributes = Attributes & ~(SgrAttributes.Bold | SgrAttributes.Faint) },
        23 => this with { Attributes = Attributes & ~SgrAttributes.Italic },
        24 => this with { Attributes = Attributes & ~SgrAttributes.Underline },
        27 => this with { Attributes = Attributes & ~SgrAttributes.Reverse },
        29 => this with { Attributes = Attributes & ~SgrAttributes.Strikethrough },
        >= 30 and <= 37 => this with { Foreground = SgrColour.Palette(p - 30) },
        >= 90 and <= 97 => this with { Foreground = SgrColour.Palette(p - 90 + 8) },
        >= 40 and <= 47 => this with { Background = SgrColour.Palette(p - 40) },
        >= 100 and <= 107 => this with { Background = SgrColour.Palette(p - 100 + 8) },
        39 => this with { Foreground = null },
        49 => this with { Background = null },
        _ => this,
    };

    private static SgrColour? RgbOrNull(int r, int g, int b) => r <= 255 && g <= 255 && b <= 255 ? SgrColour.Rgb(r, g, b) : null;

    // After 38/48 in the semicolon form: "5;N" or "2;R;G;B"; returns the colour (null when malformed) and how many
    // parameters it took.
    private static (SgrColour? Colour, int Used) Extended(ReadOnlySpan<int> rest) => rest switch
    {
        [5, var index, ..] => (index <= 255 ? SgrColour.Palette(index) : null, 2),
        [2, var r, var g, var b, ..] => (RgbOrNull(r, g, b), 4),
        [5] or [2, ..] => (null, rest.Length),
        _ => (null, 0),
    };
}
