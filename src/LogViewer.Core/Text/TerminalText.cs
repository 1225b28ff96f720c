using System.Globalization;
using System.Text;

namespace LogViewer.Core.Text;

/// <summary>
/// Makes log text safe to draw in a terminal: nothing inside a log line can move the cursor, clear the screen,
/// set the window title, write the clipboard or change colours. Every escape sequence (CSI including SGR, OSC
/// terminated by BEL or ST, DCS/SOS/PM/APC strings, two-character ESC sequences, and their 8-bit C1 forms) is
/// removed; remaining C0 controls, C1 controls (U+0080-U+009F) and DEL are dropped; tabs expand to 8-cell stops
/// (measured in cells by <see cref="CellWidth"/>, so a stop stays a stop after wide characters); a carriage-return
/// progress line keeps its last non-empty segment; a line feed, U+2028 or U+2029 inside a message becomes
/// <see cref="NewlineMark"/> so one entry stays one row.
/// Invisible format characters (bidi embeddings, overrides, isolates and marks, zero-width space, word joiner, BOM,
/// soft hyphen) are dropped: terminals disagree on whether they take a cell, and a bidi override can reorder what is
/// shown. ZWJ and ZWNJ stay, inside the grapheme cluster they join. An emoji variation selector (U+FE0F) after a
/// narrow base is dropped, because some terminals then draw two cells and others one; the text form is one cell
/// everywhere.
/// </summary>
/// <remarks>
/// One pass, no regular expressions; a clean string (the common case) is returned as the same instance without
/// allocating.
/// </remarks>
public static class TerminalText
{
    /// <summary>What a line feed inside a message is drawn as.</summary>
    public const char NewlineMark = '\u21B5';

    private const char Esc = '\u001B';
    private const char Bel = '\u0007';
    private const char C1StringTerminator = '\u009C';
    private const int TabWidth = 8;
    private const char EmojiPresentation = '\uFE0F';
    private const char ZeroWidthJoiner = '\u200D';
    private const char ZeroWidthNonJoiner = '\u200C';

    /// <summary>Returns <paramref name="text"/> with everything that could drive a terminal removed.</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstUnsafe = IndexOfUnsafe(text);
        return firstUnsafe < 0 ? text : Rewrite(text, firstUnsafe, null);
    }

    /// <summary>
    /// As <see cref="Sanitize(string)"/> (the same text), and the SGR colours and attributes of the removed sequences
    /// as changes at positions in the returned text, for drawing them on purpose; every other sequence is only removed.
    /// <paramref name="styles"/> is cleared first; it stays empty when the text sets no style.
    /// </summary>
    public static string Sanitize(string text, List<StyleChange> styles)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(styles);
        styles.Clear();
        var firstUnsafe = IndexOfUnsafe(text);
        return firstUnsafe < 0 ? text : Rewrite(text, firstUnsafe, styles);
    }

    /// <summary>True when <paramref name="text"/> holds nothing <see cref="Sanitize(string)"/> would change.</summary>
    public static bool IsClean(string text) => IndexOfUnsafe(text) < 0;

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) => c < ' ' || (c >= '\u007F' && (c <= '\u009F' || IsUnsafeBeyondLatin1(c)));

    private static bool IsUnsafeBeyondLatin1(char c) =>
        c is '\u2028' or '\u2029' or EmojiPresentation or '\u00AD'
        || (c > '\u00FF' && c is not ZeroWidthJoiner and not ZeroWidthNonJoiner && char.GetUnicodeCategory(c) == UnicodeCategory.Format);

    private static string Rewrite(string text, int start, List<StyleChange>? styles)
    {
        var style = SgrStyle.Plain;
        var output = new StringBuilder(text.Length);
        output.Append(text, 0, start);
        var lineStart = 0;
        var column = 0;
        var measured = 0; // output before this index is counted in `column`
        var resetBeforeNextText = false;

        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                if (resetBeforeNextText)
                {
                    output.Length = lineStart;
                    column = 0;
                    measured = lineStart;
                    resetBeforeNextText = false;
                    DropStylesAfter(styles, lineStart, style);
                }

                output.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '\t':
                    if (resetBeforeNextText)
                    {
                        output.Length = lineStart;
                        column = 0;
                        measured = lineStart;
                        resetBeforeNextText = false;
                        DropStylesAfter(styles, lineStart, style);
                    }

                    // A tab ends a grapheme cluster, so the text since the last stop measures exactly on its own.
                    column += CellWidth.Of(output.ToString(measured, output.Length - measured));
                    var spaces = TabWidth - (column % TabWidth);
                    output.Append(' ', spaces);
                    column += spaces;
                    measured = output.Length;
                    i++;
                    break;
                case '\n' or '\u2028' or '\u2029':
                    resetBeforeNextText = false;
                    output.Append(NewlineMark);
                    lineStart = output.Length;
                    column = 0;
                    measured = lineStart;
                    i++;
                    break;
                case EmojiPresentation:
                    if (!resetBeforeNextText && IsAfterWideRune(output))
                    {
                        output.Append(c);
                    }

                    i++;
                    break;
                case '\r':
                    // A progress bar rewrites its line with \r; the terminal would show the last segment written.
                    resetBeforeNextText = true;
                    i++;
                    break;
                case Esc when styles is not null && i + 1 < text.Length && text[i + 1] == '[':
                    i = SkipStyledSequence(text, i + 2, output.Length, ref style, styles);
                    break;
                case Esc:
                    i = SkipEscape(text, i + 1);
                    break;
                case '\u009B' when styles is not null: // C1 CSI
                    i = SkipStyledSequence(text, i + 1, output.Length, ref style, styles);
                    break;
                case '\u009B':
                    i = SkipControlSequence(text, i + 1);
                    break;
                case '\u009D' or '\u0090' or '\u0098' or '\u009E' or '\u009F': // C1 OSC, DCS, SOS, PM, APC
                    i = SkipControlString(text, i + 1);
                    break;
                default:
                    i++; // every other C0, C1 and DEL: dropped
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Skips a CSI whose parameters start at <paramref name="i"/>; when it is an SGR (final <c>m</c>, only digits, <c>;</c>
    /// and <c>:</c>), records the style it leaves at <paramref name="position"/> in the output.
    /// </summary>
    private static int SkipStyledSequence(string text, int i, int position, ref SgrStyle style, List<StyleChange> styles)
    {
        var end = SkipControlSequence(text, i);
        if (end > i && end <= text.Length && text[end - 1] == 'm' && IsSgrParameters(text.AsSpan(i, end - 1 - i)))
        {
            style = style.Apply(text.AsSpan(i, end - 1 - i));
            if (styles.Count > 0 && styles[^1].Position == position)
            {
                styles.RemoveAt(styles.Count - 1);
            }

            var before = styles.Count > 0 ? styles[^1].Style : SgrStyle.Plain;
            if (style != before)
            {
                styles.Add(new StyleChange(position, style));
            }
        }

        return end;
    }

    private static bool IsSgrParameters(ReadOnlySpan<char> parameters)
    {
        foreach (var c in parameters)
        {
            if (!char.IsAsciiDigit(c) && c is not ';' and not ':')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A carriage return dropped the output after <paramref name="position"/>: so are its styles, the current one kept from there.</summary>
    private static void DropStylesAfter(List<StyleChange>? styles, int position, SgrStyle current)
    {
        if (styles is null)
        {
            return;
        }

        styles.RemoveAll(change => change.Position >= position);
        var before = styles.Count > 0 ? styles[^1].Style : SgrStyle.Plain;
        if (current != before)
        {
            styles.Add(new StyleChange(position, current));
        }
    }

    /// <summary>Skips what follows an ESC; returns the index after the sequence.</summary>
    private static int SkipEscape(string text, int i)
    {
        if (i >= text.Length)
        {
            return i;
        }

        var c = text[i];
        switch (c)
        {
            case '[':
                return SkipControlSequence(text, i + 1);
            case ']' or 'P' or 'X' or '^' or '_':
                return SkipControlString(text, i + 1);
        }

        // nF sequences: intermediates 0x20-0x2F then one final byte 0x30-0x7E (ESC ( B, ESC # 8, ESC 7, ESC c...).
        while (i < text.Length && text[i] >= ' ' && text[i] <= '/')
        {
            i++;
        }

        if (i < text.Length && text[i] >= '0' && text[i] <= '~')
        {
            i++;
        }

        return i;
    }

    /// <summary>CSI: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, one final byte 0x40-0x7E.</summary>
    private static int SkipControlSequence(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= '@' && c <= '~')
            {
                return i + 1;
            }

            if (c < ' ' || c > '?')
            {
                // Malformed: a terminal would abort the sequence here; the offending character is handled normally.
                return i;
            }

            i++;
        }

        return i;
    }

    /// <summary>OSC, DCS, SOS, PM, APC: everything up to BEL, ESC \ or C1 ST; unterminated runs to the end.</summary>
    private static int SkipControlString(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Bel || c == C1StringTerminator)
            {
                return i + 1;
            }

            if (c == Esc)
            {
                // ESC \ is the terminator; any other ESC aborts the string and starts a sequence of its own.
                return i + 1 < text.Length && text[i + 1] == '\\' ? i + 2 : i;
            }

            i++;
        }

        return i;
    }

    /// <summary>True when the last code point written is a wide one (an emoji whose default form already takes 2 cells).</summary>
    private static bool IsAfterWideRune(StringBuilder output)
    {
        if (output.Length == 0)
        {
            return false;
        }

        var last = output[^1];
        var rune = char.IsLowSurrogate(last) && output.Length > 1 && char.IsHighSurrogate(output[^2])
            ? new Rune(output[^2], last)
            : Rune.IsValid(last) ? new Rune(last) : Rune.ReplacementChar;
        return CellWidth.OfRune(rune) == 2;
    }
}
