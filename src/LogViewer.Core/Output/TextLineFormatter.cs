using System.Globalization;
using System.Text;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Output;

/// <summary>
/// One log entry as a line of text: <c>2026-11-22T20:43:01.123456789Z INFO  [ab12c] message</c>, with the full
/// nanosecond precision, local time with its offset unless <c>--utc</c>, the request id after the replica when
/// there is one, and the message escaped by <see cref="EscapedText"/>. Colour (level and a dim timestamp) only when
/// asked for: the caller decides from "stdout is a terminal and NO_COLOR is unset".
/// </summary>
public sealed class TextLineFormatter(bool utc, TimeZoneInfo zone, bool colour)
{
    private const string Reset = "\u001b[0m";
    private const string Dim = "\u001b[2m";
    private readonly StringBuilder _builder = new(256);
    private char[] _message = new char[1024];

    public string Format(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Build(entry.TimestampNanos, entry.Level, entry.Replica, entry.RequestId, entry.Message);
        return _builder.ToString();
    }

    /// <summary>Writes a stored row as one line, decoding its UTF-8 into a reused buffer (no string per line).</summary>
    public void WriteLine(TextWriter output, Utf8LogRow row)
    {
        ArgumentNullException.ThrowIfNull(output);
        var length = Encoding.UTF8.GetMaxCharCount(row.Message.Length);
        if (_message.Length < length)
        {
            _message = new char[Math.Max(length, _message.Length * 2)];
        }

        var chars = Encoding.UTF8.GetChars(row.Message, _message);
        Build(row.TimestampNanos, row.Level, row.Replica, row.RequestId, _message.AsSpan(0, chars));
        output.Write(_builder);
        output.WriteLine();
    }

    private void Build(long timestampNanos, LogLevel level, string? replica, string? requestId, ReadOnlySpan<char> message)
    {
        _builder.Clear();
        AppendTimestamp(timestampNanos);
        _builder.Append(' ');
        AppendLevel(level);
        _builder.Append(' ');
        if (replica is not null || requestId is not null)
        {
            _builder.Append('[');
            EscapedText.AppendEscaped(_builder, replica ?? "-");
            if (requestId is not null)
            {
                _builder.Append(' ');
                EscapedText.AppendEscaped(_builder, requestId);
            }

            _builder.Append("] ");
        }

        EscapedText.AppendEscaped(_builder, message);
    }

    private void AppendTimestamp(long nanos)
    {
        var seconds = Math.DivRem(nanos, 1_000_000_000L, out var fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000L;
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var shown = utc ? instant : TimeZoneInfo.ConvertTime(instant, zone);
        if (colour)
        {
            _builder.Append(Dim);
        }

        _builder.Append(shown.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            .Append('.')
            .Append(fraction.ToString("D9", CultureInfo.InvariantCulture))
            .Append(utc ? "Z" : shown.ToString("zzz", CultureInfo.InvariantCulture));
        if (colour)
        {
            _builder.Append(Reset);
        }
    }

    private void AppendLevel(LogLevel level)
    {
        var (text, style) = level switch
        {
            LogLevel.Debug => ("DEBUG", "\u001b[2m"),
            LogLevel.Info => ("INFO ", "\u001b[32m"),
            LogLevel.Warning => ("WARN ", "\u001b[33m"),
            LogLevel.Error => ("ERROR", "\u001b[1;31m"),
            _ => ("-    ", Dim),
        };
        if (colour)
        {
            _builder.Append(style).Append(text).Append(Reset);
        }
        else
        {
            _builder.Append(text);
        }
    }
}
