using System.Text.Json;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Reads <c>{"logs": [LogV1, ...]}</c> entry by entry with a <see cref="Utf8JsonReader"/> and the one
/// <see cref="LogV1Decoder"/>: a bad entry is skipped and counted by reason without spoiling the rest of the page,
/// invalid text is repaired, unknown fields are skipped at any depth, and nothing but the five fields is
/// materialized: a message stays UTF-8 (<see cref="PageText"/>) until someone reads it as a string. A source-generated serializer would fail the whole page on one bad entry; this reader is also what
/// keeps parsing above a million entries a second.
/// </summary>
internal static class LogPageParser
{
    // One decoder per thread, kept from page to page: a new one per page allocated its string cache (64 KB of
    // slots, about 65 bytes per line of a 1000-line page) and made every replica's and request id's string again.
    // Parsing a page never waits, so a thread's decoder is never shared; its report is cleared for each page.
    [ThreadStatic]
    private static LogV1Decoder? t_decoder;

    // The thread's last page size: a page's list starts that large instead of growing to it by doubling.
    [ThreadStatic]
    private static int t_lastCount;

    /// <exception cref="JsonException">The body is not JSON, or has no <c>logs</c> array.</exception>
    public static LogPage Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, LogV1Decoder.ReaderOptions);
        var decoder = t_decoder ??= new LogV1Decoder();
        decoder.ClearReport();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the answer is not a JSON object");
        }

        List<LogEntry>? entries = null;
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

            entries ??= new List<LogEntry>(Math.Max(64, t_lastCount));
            var text = new PageText();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (decoder.TryDecode(ref reader, out var entry, out _))
                {
                    entries.Add(new LogEntry(entry.TimestampNanos, text.Add(entry.Message), entry.Replica, entry.RequestId, entry.Level));
                }
            }
        }

        if (entries is null)
        {
            throw new JsonException("the answer has no \"logs\" array");
        }

        t_lastCount = entries.Count;
        return new LogPage(entries, decoder.Report);
    }
}
