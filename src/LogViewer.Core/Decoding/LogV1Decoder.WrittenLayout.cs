using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using LogViewer.Core.Model;

namespace LogViewer.Core.Decoding;

/// <summary>
/// The decoder's fast path for a jsonl file: a line in exactly the layout <c>--output jsonl</c> writes, read without
/// the JSON reader (which cost most of a filtered replay's time). Anything else, or anything the full decoder would
/// skip, repair or count, is left to <see cref="TryDecode"/>, so a line gives the same entry and report either way.
/// </summary>
internal sealed partial class LogV1Decoder
{
    // What ends a string's plain run: its closing quote, an escape, or a control character JSON forbids unescaped.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    /// <summary>
    /// Decodes <paramref name="line"/> when it is exactly <c>{"timestamp":"DIGITS","message":"…","replica":…,"request_id":…,"level":…}</c>
    /// (no white space, each of the last three a string or <c>null</c>) and holds no text that needs repair (invalid
    /// UTF-8, a surrogate escape) nor a timestamp the full decoder would refuse. Returns <c>false</c>, having counted
    /// nothing, for any other line: the caller then decodes it with <see cref="TryDecode"/>.
    /// </summary>
    public bool TryDecodeWrittenLayout(ReadOnlySpan<byte> line, out DecodedEntry entry)
    {
        if (TryDecodeWrittenLayout(line, out entry, out var consumed) && consumed == line.Length)
        {
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>
    /// Decodes the entry at the start of <paramref name="text"/> (an element of an API page's array, followed by the rest
    /// of the page) when it is in the layout <see cref="TryDecodeWrittenLayout(ReadOnlySpan{byte}, out DecodedEntry)"/>
    /// takes; <paramref name="consumed"/> is its length up to and including its closing brace. The same refusals: the
    /// caller decodes anything else with <see cref="TryDecode"/>.
    /// </summary>
    public bool TryDecodeWrittenLayout(ReadOnlySpan<byte> text, out DecodedEntry entry, out int consumed)
    {
        entry = default;
        consumed = 0;
        if (!text.StartsWith("{\"timestamp\":\""u8))
        {
            return false;
        }

        var rest = text["{\"timestamp\":\""u8.Length..];
        var digits = rest.IndexOf((byte)'"');
        // At most 19 digits fit a long; a leading sign or anything but digits goes to the full decoder.
        if (digits is < 1 or > 19 || rest[..digits].ContainsAnyExceptInRange((byte)'0', (byte)'9')
            || !Utf8Parser.TryParse(rest[..digits], out long timestamp, out var used) || used != digits)
        {
            return false;
        }

        rest = rest[digits..];
        if (!Expect(ref rest, "\",\"message\":\""u8) || !ReadStringBody(ref rest, ref _message, out var message)
            || !Expect(ref rest, ",\"replica\":"u8) || !ReadStringOrNull(ref rest, out var replica)
            || !Expect(ref rest, ",\"request_id\":"u8) || !ReadStringOrNull(ref rest, out var requestId)
            || !Expect(ref rest, ",\"level\":"u8))
        {
            return false;
        }

        var level = LogLevel.None;
        if (!Expect(ref rest, "null"u8))
        {
            if (!Expect(ref rest, "\""u8) || !ReadStringBody(ref rest, ref _scratch, out var levelText))
            {
                return false;
            }

            level = LogLevels.FromApi(levelText);
        }

        if (rest.IsEmpty || rest[0] != (byte)'}')
        {
            return false;
        }

        consumed = text.Length - rest.Length + 1;
        entry = new DecodedEntry(timestamp, message, replica, requestId, level);
        return true;
    }

    private static bool Expect(ref ReadOnlySpan<byte> rest, ReadOnlySpan<byte> literal)
    {
        if (!rest.StartsWith(literal))
        {
            return false;
        }

        rest = rest[literal.Length..];
        return true;
    }

    /// <summary>A replica or request id: <c>null</c>, or a string made through the decoder's cache.</summary>
    private bool ReadStringOrNull(ref ReadOnlySpan<byte> rest, out string? value)
    {
        value = null;
        if (Expect(ref rest, "null"u8))
        {
            return true;
        }

        if (!Expect(ref rest, "\""u8) || !ReadStringBody(ref rest, ref _scratch, out var text))
        {
            return false;
        }

        value = _strings.Get(text);
        return true;
    }

    /// <summary>
    /// A string's text from after its opening quote to its closing one (consumed): the line's own bytes when nothing is
    /// escaped, else unescaped into <paramref name="buffer"/>. False for what the full decoder would refuse or repair:
    /// a raw control character, an unknown or cut escape, a surrogate escape, invalid UTF-8, no closing quote.
    /// </summary>
    private static bool ReadStringBody(scoped ref ReadOnlySpan<byte> rest, ref byte[] buffer, out ReadOnlySpan<byte> text)
    {
        text = default;
        var stop = rest.IndexOfAny(StringStops);
        if (stop < 0 || rest[stop] < 0x20)
        {
            return false;
        }

        if (rest[stop] == (byte)'"')
        {
            text = rest[..stop];
            rest = rest[(stop + 1)..];
            return Utf8.IsValid(text);
        }

        // Unescaped text is never longer than its escaped form.
        if (buffer.Length < rest.Length)
        {
            buffer = new byte[Math.Max(rest.Length, buffer.Length * 2)];
        }

        var written = 0;
        var at = 0;
        while (true)
        {
            stop = rest[at..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                return false;
            }

            rest.Slice(at, stop).CopyTo(buffer.AsSpan(written));
            written += stop;
            at += stop;
            var b = rest[at];
            if (b == (byte)'"')
            {
                break;
            }

            if (b < 0x20 || at + 1 >= rest.Length)
            {
                return false;
            }

            var escape = rest[at + 1];
            at += 2;
            if (escape == (byte)'u')
            {
                if (!Hex4(rest, at, out var unit))
                {
                    return false;
                }

                at += 4;
                Rune rune;
                if (!char.IsSurrogate(unit))
                {
                    rune = new Rune(unit);
                }
                else if (char.IsHighSurrogate(unit) && rest[at..].StartsWith("\\u"u8) && Hex4(rest, at + 2, out var low) && char.IsLowSurrogate(low))
                {
                    // The formatter writes a character beyond U+FFFF as a pair of escapes; a lone half needs repair.
                    rune = new Rune(unit, low);
                    at += 6;
                }
                else
                {
                    return false;
                }

                written += rune.EncodeToUtf8(buffer.AsSpan(written));
                continue;
            }

            byte? unescaped = escape switch
            {
                (byte)'"' or (byte)'\\' or (byte)'/' => escape,
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => null,
            };
            if (unescaped is not { } value)
            {
                return false;
            }

            buffer[written++] = value;
        }

        text = buffer.AsSpan(0, written);
        rest = rest[(at + 1)..];
        return Utf8.IsValid(text);
    }

    /// <summary>The UTF-16 unit written as four hex digits at <paramref name="at"/>, as a JSON <c>\u</c> escape holds it.</summary>
    private static bool Hex4(ReadOnlySpan<byte> rest, int at, out char unit)
    {
        unit = default;
        if (at + 4 > rest.Length || !Utf8Parser.TryParse(rest.Slice(at, 4), out ushort value, out var used, 'X') || used != 4)
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
