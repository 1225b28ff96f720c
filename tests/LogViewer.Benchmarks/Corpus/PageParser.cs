using System.Buffers.Text;
using System.Text.Json;
using LogViewer.Core.Model;

namespace LogViewer.Benchmarks.Corpus;

/// <summary>
/// Parses an API answer <c>{"logs":[LogV1...]}</c> into entries with a forward-only <see cref="Utf8JsonReader"/>,
/// as the API client does (one string per message: that is what <see cref="LogEntry"/> holds).
/// </summary>
internal static class PageParser
{
    public static List<LogEntry> Parse(ReadOnlySpan<byte> page)
    {
        var entries = new List<LogEntry>(1000);
        var reader = new Utf8JsonReader(page);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("logs"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                entries.Add(ParseEntry(ref reader));
            }
        }

        return entries;
    }

    private static LogEntry ParseEntry(ref Utf8JsonReader reader)
    {
        long timestamp = 0;
        string message = "";
        string? replica = null;
        string? requestId = null;
        var level = LogLevel.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (!Utf8Parser.TryParse(reader.ValueSpan, out timestamp, out _))
                {
                    throw new FormatException("a timestamp is not an integer");
                }
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.GetString() ?? "";
            }
            else if (reader.ValueTextEquals("replica"u8))
            {
                reader.Read();
                replica = reader.GetString();
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                reader.Read();
                requestId = reader.GetString();
            }
            else if (reader.ValueTextEquals("level"u8))
            {
                reader.Read();
                level = reader.TokenType == JsonTokenType.Null ? LogLevel.None : LogLevels.FromApi(reader.GetString());
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new LogEntry(timestamp, message, replica, requestId, level);
    }
}

/// <summary>
/// Exact de-duplication across overlapping pages: a line already delivered with the previous page is dropped,
/// by value equality over all five fields, as the tail engine does.
/// </summary>
internal sealed class PageDeduplicator
{
    private HashSet<LogEntry> _previous = [];
    private HashSet<LogEntry> _current = [];

    public List<LogEntry> Fresh(List<LogEntry> page)
    {
        _current.Clear();
        var fresh = new List<LogEntry>(page.Count);
        foreach (var entry in page)
        {
            if (_current.Add(entry) && !_previous.Contains(entry))
            {
                fresh.Add(entry);
            }
        }

        (_previous, _current) = (_current, _previous);
        return fresh;
    }
}
