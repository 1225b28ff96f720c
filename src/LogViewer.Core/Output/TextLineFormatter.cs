using System.Globalization;
using System.Text;
using LogViewer.Core.Model;

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

    public string Format(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _builder.Clear();
        AppendTimestamp(entry.TimestampNanos);
        _builder.Append(' ');
        AppendLevel(entry.Level);
        _builder.Append(' ');
        if (entry.Replica is not null || entry.RequestId is not null)
        {
            _builder.Append('[');
            EscapedText.AppendEscaped(_builder, entry.Replica ?? "-");
            if (entry.RequestId is not null)
            {
                _builder.Append(' ');
                EscapedText.AppendEscaped(_builder, entry.RequestId);
            }

            _builder.Append("] ");
        }

        EscapedText.AppendEscaped(_builder, entry.Message);
        return _builder.ToString();
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
