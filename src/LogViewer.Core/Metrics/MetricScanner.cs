using System.Buffers;
using System.Globalization;
using System.Text;

namespace LogViewer.Core.Metrics;

/// <summary>
/// Reads the numbers a log line carries, straight from its UTF-8 bytes: <c>key=value</c>, <c>key = value</c>,
/// <c>key: value</c> (a space after the colon, so times and URLs are not read), JSON's <c>"key": value</c>, and tqdm's
/// <c>12.3it/s</c> and <c>1.50s/it</c> (both under the key <c>it/s</c>, the second as its reciprocal). A value is a
/// decimal number with an optional sign, fraction and exponent (<c>2.00E-05</c>); trailing unit letters or <c>%</c>
/// are ignored (<c>took=12ms</c> is 12), and it must end the token: <c>1.2.3</c>, <c>12:30</c>, <c>2024-01-02</c>,
/// <c>0x1f</c>, <c>10/100</c>, <c>nan</c> and <c>torch==2.5.1</c> are not numbers. A carriage-return progress line is
/// read in its last segment, as the screen shows it; escape sequences are skipped. The first value of a key in a line
/// wins; a line's <c>step</c> (a whole number) is reported apart, as the x of the line's other values.
/// Keys are interned, so a line allocates nothing once its keys have been seen; one instance is not thread-safe.
/// </summary>
public sealed class MetricScanner
{
    /// <summary>Longer keys are not read (they are not names a chart would be asked for).</summary>
    public const int MaxKeyLength = 48;

    /// <summary>Readings taken from one line at most.</summary>
    public const int MaxReadingsPerLine = 16;

    /// <summary>Distinct key names remembered; later new names are not read (junk text cannot grow memory).</summary>
    public const int MaxKeyNames = 4096;

    /// <summary>The key whose whole value is a line's step, the x of its other values.</summary>
    public const string StepKey = "step";

    /// <summary>The key tqdm's rates are reported under.</summary>
    public const string IterationsPerSecond = "it/s";

    private const byte Escape = 0x1B;

    private static readonly SearchValues<byte> Separators = SearchValues.Create("=:/"u8);

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private byte[] _scratch = [];

    public MetricScanner()
    {
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The readings of one message, for a caller holding it as a string (the detail pane's <c>#</c>).</summary>
    public static IReadOnlyList<MetricReading> Read(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var readings = new MetricReading[MaxReadingsPerLine];
        var count = new MetricScanner().Scan(Encoding.UTF8.GetBytes(message), readings, out _);
        return readings[..count];
    }

    /// <summary>
    /// Writes the readings of <paramref name="message"/> into <paramref name="into"/> (at most its length) and returns
    /// how many; <paramref name="step"/> is the line's <c>step</c> when it has a whole, non-negative one, else -1.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> message, Span<MetricReading> into, out long step)
    {
        step = -1;
        var text = Clean(message);
        var count = 0;
        var i = 0;
        while (count < into.Length && i < text.Length)
        {
            var found = text[i..].IndexOfAny(Separators);
            if (found < 0)
            {
                break;
            }

            var at = i + found;
            i = at + 1;
            if (!(text[at] == '/' ? TryRate(text, at, out var key, out var value, out var end) : TryKeyValue(text, at, out key, out value, out end)))
            {
                continue;
            }

            i = Math.Max(i, end);
            if (Contains(into[..count], key))
            {
                continue;
            }

            into[count++] = new MetricReading(key, value);
            if (step < 0 && key.Equals(StepKey, StringComparison.OrdinalIgnoreCase) && value >= 0 && value <= long.MaxValue / 2 && Math.Floor(value) == value)
            {
                step = (long)value;
            }
        }

        return count;
    }

    private static bool Contains(ReadOnlySpan<MetricReading> readings, string key)
    {
        foreach (var reading in readings)
        {
            if (ReferenceEquals(reading.Key, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The part of the message the screen shows: the last carriage-return segment, escape sequences removed.</summary>
    private ReadOnlySpan<byte> Clean(ReadOnlySpan<byte> message)
    {
        var text = message.TrimEnd("\r\n"u8);
        var lastReturn = text.LastIndexOf((byte)'\r');
        if (lastReturn >= 0)
        {
            text = text[(lastReturn + 1)..];
        }

        if (text.IndexOf(Escape) < 0)
        {
            return text;
        }

        if (_scratch.Length < text.Length)
        {
            _scratch = new byte[Math.Max(text.Length, _scratch.Length * 2)];
        }

        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != Escape)
            {
                _scratch[length++] = text[i];
                continue;
            }

            i = EndOfEscape(text, i);
        }

        return _scratch.AsSpan(0, length);
    }

    /// <summary>The last byte of the escape sequence starting at <paramref name="start"/> (CSI, OSC, or a two-byte one).</summary>
    private static int EndOfEscape(ReadOnlySpan<byte> text, int start)
    {
        if (start + 1 >= text.Length)
        {
            return start;
        }

        var kind = text[start + 1];
        if (kind == '[')
        {
            var i = start + 2;
            while (i < text.Length && (text[i] < 0x40 || text[i] > 0x7E))
            {
                i++;
            }

            return Math.Min(i, text.Length - 1);
        }

        if (kind == ']')
        {
            for (var i = start + 2; i < text.Length; i++)
            {
                if (text[i] == 0x07)
                {
                    return i;
                }

                if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\')
                {
                    return i + 1;
                }
            }

            return text.Length - 1;
        }

        return start + 1;
    }

    /// <summary><c>key=value</c>, <c>key: value</c> or <c>"key": value</c> around the separator at <paramref name="at"/>.</summary>
    private bool TryKeyValue(ReadOnlySpan<byte> text, int at, out string key, out double value, out int end)
    {
        key = string.Empty;
        value = 0;
        end = at + 1;
        var separator = text[at];
        var valueStart = at + 1;
        if (separator == ':')
        {
            // "key: value" only: "12:30", "host:8080" and "std::vector" are not readings.
            if (valueStart >= text.Length || (text[valueStart] != ' ' && text[valueStart] != '\t'))
            {
                return false;
            }
        }
        else if ((valueStart < text.Length && text[valueStart] == '=') || (at > 0 && text[at - 1] is (byte)'=' or (byte)'!' or (byte)'<' or (byte)'>'))
        {
            return false; // ==, !=, <=, >=: comparisons, not assignments
        }

        while (valueStart < text.Length && (text[valueStart] == ' ' || text[valueStart] == '\t'))
        {
            valueStart++;
        }

        var keyEnd = at;
        if (separator == '=')
        {
            while (keyEnd > 0 && text[keyEnd - 1] == ' ')
            {
                keyEnd--;
            }
        }

        var keyStart = keyEnd;
        var quoted = keyEnd > 0 && text[keyEnd - 1] == '"';
        if (quoted)
        {
            keyEnd--;
            keyStart = keyEnd;
        }

        while (keyStart > 0 && IsKeyByte(text[keyStart - 1]))
        {
            keyStart--;
        }

        if (quoted && (keyStart == 0 || text[keyStart - 1] != '"'))
        {
            return false;
        }

        // A key begins with a letter or underscore: "--lr=3" is lr, "3x=1" is x.
        while (keyStart < keyEnd && !IsKeyStart(text[keyStart]))
        {
            keyStart++;
        }

        if (keyStart == keyEnd || keyEnd - keyStart > MaxKeyLength || !TryNumber(text, valueStart, out value, out end))
        {
            return false;
        }

        return TryName(text[keyStart..keyEnd], out key);
    }

    /// <summary>tqdm's <c>12.3it/s</c> or <c>4.56s/it</c> around the slash at <paramref name="at"/>.</summary>
    private static bool TryRate(ReadOnlySpan<byte> text, int at, out string key, out double value, out int end)
    {
        key = IterationsPerSecond;
        value = 0;
        end = at + 1;
        int numberEnd;
        bool perIteration;
        if (at >= 2 && text[at - 2] == 'i' && text[at - 1] == 't' && at + 1 < text.Length && text[at + 1] == 's')
        {
            numberEnd = at - 2;
            end = at + 2;
            perIteration = false;
        }
        else if (at >= 1 && text[at - 1] == 's' && at + 2 < text.Length && text[at + 1] == 'i' && text[at + 2] == 't')
        {
            numberEnd = at - 1;
            end = at + 3;
            perIteration = true;
        }
        else
        {
            return false;
        }

        var numberStart = numberEnd;
        while (numberStart > 0 && (char.IsAsciiDigit((char)text[numberStart - 1]) || text[numberStart - 1] == '.'))
        {
            numberStart--;
        }

        if (numberStart == numberEnd || (numberStart > 0 && !IsRateStart(text[numberStart - 1])) || (end < text.Length && !IsBoundary(text, end)))
        {
            return false;
        }

        if (!double.TryParse(text[numberStart..numberEnd], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate))
        {
            return false;
        }

        if (perIteration)
        {
            if (rate <= 0)
            {
                return false;
            }

            rate = 1 / rate;
        }

        value = rate;
        return true;
    }

    /// <summary>A decimal number at <paramref name="start"/> that ends its token (unit letters or % may follow).</summary>
    private static bool TryNumber(ReadOnlySpan<byte> text, int start, out double value, out int end)
    {
        value = 0;
        var i = start;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            end = i;
            return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var exponent = i + 1;
            if (exponent < text.Length && (text[exponent] == '-' || text[exponent] == '+'))
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit((char)text[exponent]))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit((char)text[i]))
                {
                    i++;
                }
            }
        }

        var numberEnd = i;
        while (i < text.Length && (char.IsAsciiLetter((char)text[i]) || text[i] == '%' || text[i] == '/'))
        {
            i++;
        }

        end = i;
        if (i < text.Length && !IsBoundary(text, i))
        {
            return false;
        }

        return double.TryParse(text[start..numberEnd], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>What may follow a value: white space, punctuation that closes or separates, or a full stop ending a sentence.</summary>
    private static bool IsBoundary(ReadOnlySpan<byte> text, int i) => text[i] switch
    {
        (byte)' ' or (byte)'\t' or (byte)',' or (byte)';' or (byte)')' or (byte)']' or (byte)'}' or (byte)'"' or (byte)'\'' or (byte)'|' => true,
        (byte)'.' => i + 1 == text.Length || text[i + 1] == ' ',
        _ => false,
    };

    private static bool IsRateStart(byte b) => b is (byte)' ' or (byte)',' or (byte)'[' or (byte)'|' or (byte)'(';

    private static bool IsKeyStart(byte b) => char.IsAsciiLetter((char)b) || b == '_';

    private static bool IsKeyByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'.' or (byte)'-' or (byte)'/';

    /// <summary>The interned name for these ASCII bytes; false when it is new and the table is full.</summary>
    private bool TryName(ReadOnlySpan<byte> ascii, out string name)
    {
        Span<char> chars = stackalloc char[MaxKeyLength];
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        var span = chars[..ascii.Length];
        if (_lookup.TryGetValue(span, out var known))
        {
            name = known;
            return true;
        }

        if (_names.Count >= MaxKeyNames)
        {
            name = string.Empty;
            return false;
        }

        name = span.ToString();
        _names.Add(name, name);
        return true;
    }
}
