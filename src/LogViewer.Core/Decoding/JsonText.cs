using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LogViewer.Core.Decoding;

/// <summary>
/// A JSON string token as valid UTF-8, whatever the server sent: escapes undone, and what cannot be text (a byte
/// that is not UTF-8, a lone surrogate escape such as <c>\ud800</c>) replaced by U+FFFD instead of failing, as
/// <see cref="Utf8JsonReader.GetString"/> and <see cref="Utf8JsonReader.CopyString(Span{byte})"/> would.
/// </summary>
internal static class JsonText
{
    private static readonly byte[] Replacement = "\uFFFD"u8.ToArray();

    /// <summary>
    /// The current string token's text: the reader's own bytes when they need nothing done (the usual case, no copy),
    /// else written to <paramref name="buffer"/> (grown as needed). Returns <c>true</c> when something was replaced.
    /// </summary>
    public static bool Read(scoped ref Utf8JsonReader reader, ref byte[] buffer, out ReadOnlySpan<byte> text)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            if (Utf8.IsValid(raw))
            {
                text = raw;
                return false;
            }

            text = Repaired(raw, ref buffer);
            return true;
        }

        // Undone escapes are never longer than their escaped form (\uXXXX is 6 bytes, at most 3 in UTF-8; a pair 12 for 4).
        Ensure(ref buffer, raw.Length);
        var replaced = Unescape(raw, buffer, out var written);
        var unescaped = buffer.AsSpan(0, written);
        if (Utf8.IsValid(unescaped))
        {
            text = unescaped;
            return replaced;
        }

        text = Repaired(unescaped.ToArray(), ref buffer);
        return true;
    }

    private static ReadOnlySpan<byte> Repaired(ReadOnlySpan<byte> invalid, ref byte[] buffer)
    {
        // Rare: Encoding.UTF8 replaces each invalid sequence with U+FFFD as the Unicode standard recommends.
        var repaired = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(invalid));
        Ensure(ref buffer, repaired.Length);
        repaired.CopyTo(buffer, 0);
        return buffer.AsSpan(0, repaired.Length);
    }

    /// <summary>Undoes JSON escapes (the reader has checked their syntax); returns true when a lone surrogate was replaced.</summary>
    private static bool Unescape(ReadOnlySpan<byte> raw, Span<byte> destination, out int written)
    {
        var replaced = false;
        written = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b != (byte)'\\')
            {
                destination[written++] = b;
                continue;
            }

            var escape = raw[++i];
            if (escape != (byte)'u')
            {
                destination[written++] = escape switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => escape, // \" \\ \/
                };
                continue;
            }

            var unit = Hex4(raw, i + 1);
            i += 4;
            if (char.IsHighSurrogate((char)unit) && i + 6 < raw.Length && raw[i + 1] == (byte)'\\' && raw[i + 2] == (byte)'u'
                && char.IsLowSurrogate((char)Hex4(raw, i + 3)))
            {
                var low = Hex4(raw, i + 3);
                i += 6;
                written += new Rune((char)unit, (char)low).EncodeToUtf8(destination[written..]);
            }
            else if (char.IsSurrogate((char)unit))
            {
                Replacement.CopyTo(destination[written..]);
                written += Replacement.Length;
                replaced = true;
            }
            else
            {
                written += new Rune(unit).EncodeToUtf8(destination[written..]);
            }
        }

        return replaced;
    }

    private static int Hex4(ReadOnlySpan<byte> raw, int at)
    {
        var value = 0;
        for (var k = at; k < at + 4; k++)
        {
            var c = raw[k];
            value = (value << 4) | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        return value;
    }

    private static void Ensure(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
    }
}
