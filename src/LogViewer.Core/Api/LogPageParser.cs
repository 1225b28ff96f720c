using System.Buffers.Text;
using System.Text.Json;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Reads <c>{"logs": [LogV1, ...]}</c> entry by entry with a <see cref="Utf8JsonReader"/>: a bad entry (timestamp
/// missing or not an integer, message not a string, not an object) is skipped and counted without spoiling the
/// rest of the page, unknown fields are skipped, and nothing but the five fields is materialized. A source-generated
/// serializer would fail the whole page on one bad timestamp; this reader is also what keeps parsing above a
/// million entries a second.
/// </summary>
internal static class LogPageParser
{
    /// <exception cref="JsonException">The body is not JSON, or has no <c>logs</c> array.</exception>
    public static LogPage Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var replicas = new RecentStrings();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the answer is not a JSON object");
        }

        List<LogEntry>? entries = null;
        var skipped = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLogs = reader.ValueTextEquals("logs"u8);
            reader.Read();
            if (!isLogs)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                entries ??= [];
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("\"logs\" is not an array");
            }

            entries ??= new List<LogEntry>(64);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (ReadEntry(ref reader, ref replicas) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    skipped++;
                }
            }
        }

        return entries is null
            ? throw new JsonException("the answer has no \"logs\" array")
            : new LogPage(entries, skipped);
    }

    private static LogEntry? ReadEntry(ref Utf8JsonReader reader, ref RecentStrings replicas)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        long? timestamp = null;
        string? message = null;
        var messageValid = true;
        string? replica = null;
        string? requestId = null;
        var level = LogLevel.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                timestamp = ReadTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => string.Empty,
                    _ => null,
                };
                messageValid = message is not null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("replica"u8))
            {
                reader.Read();
                replica = reader.TokenType == JsonTokenType.String ? replicas.Get(ref reader) : ReadOptionalString(ref reader);
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                reader.Read();
                requestId = ReadOptionalString(ref reader);
            }
            else if (reader.ValueTextEquals("level"u8))
            {
                reader.Read();
                level = ReadLevel(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return timestamp is { } nanos && messageValid
            ? new LogEntry(nanos, message ?? string.Empty, replica, requestId, level)
            : null;
    }

    private static long? ReadTimestamp(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.HasValueSequence && !reader.ValueIsEscaped:
                return Utf8Parser.TryParse(reader.ValueSpan, out long fromText, out var consumed) && consumed == reader.ValueSpan.Length
                    ? fromText
                    : null;
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var unescaped)
                    ? unescaped
                    : null;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number : null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static LogLevel ReadLevel(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return LogLevel.None;
        }

        // Compare the raw bytes: no string per entry for the four known levels.
        if (reader.ValueTextEquals("INFO"u8))
        {
            return LogLevel.Info;
        }

        if (reader.ValueTextEquals("ERROR"u8))
        {
            return LogLevel.Error;
        }

        if (reader.ValueTextEquals("WARNING"u8))
        {
            return LogLevel.Warning;
        }

        return reader.ValueTextEquals("DEBUG"u8) ? LogLevel.Debug : LogLevel.None;
    }

    /// <summary>
    /// A page holds a handful of replica ids repeated on every line: hand out the same string instance instead of
    /// allocating one per entry.
    /// </summary>
    private struct RecentStrings
    {
        private byte[]? _lastBytes;
        private string? _last;

        public string Get(ref Utf8JsonReader reader)
        {
            if (_last is not null && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(_lastBytes))
            {
                return _last;
            }

            var value = reader.GetString()!;
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                _lastBytes = reader.ValueSpan.ToArray();
                _last = value;
            }

            return value;
        }
    }
}
