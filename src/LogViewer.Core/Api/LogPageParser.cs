using System.Text.Json;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Reads <c>{"logs": [LogV1, ...]}</c> entry by entry with a <see cref="Utf8JsonReader"/> and the one
/// <see cref="LogV1Decoder"/>: a bad entry is skipped and counted by reason without spoiling the rest of the page,
/// invalid text is repaired, unknown fields are skipped at any depth, and nothing but the five fields is
/// materialized: a message stays UTF-8 (a slice of the answer, or of <see cref="PageText"/> when it was unescaped) until someone reads it as a string. A source-generated serializer would fail the whole page on one bad entry; this reader is also what
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

    /// <summary>
    /// The entries of one answer. Their messages are slices of <paramref name="body"/> where it holds them as they are
    /// (no escapes), so the body must not change afterwards: each answer is read into an array of its own.
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON, or has no <c>logs</c> array.</exception>
    public static LogPage Parse(byte[] body)
    {
        ReadOnlySpan<byte> json = body;
        var reader = new Utf8JsonReader(json, LogV1Decoder.ReaderOptions);
        var decoder = t_decoder ??= new LogV1Decoder();
        decoder.ClearReport();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the answer is not a JSON object");
        }

        List<LogEntry>? entries = null;
        var origin = 0;
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

            // The array's elements are read here, and the page's reader resumes at its closing bracket with the state
            // it had at the opening one (a reader over the rest of the answer, positions counted from `origin`).
            var end = ReadElements(body, origin + (int)reader.BytesConsumed, decoder, entries);
            var state = reader.CurrentState;
            origin = end;
            reader = new Utf8JsonReader(json[origin..], isFinalBlock: true, state);
            reader.Read();
        }

        if (entries is null)
        {
            throw new JsonException("the answer has no \"logs\" array");
        }

        t_lastCount = entries.Count;
        return new LogPage(entries, decoder.Report);
    }

    /// <summary>
    /// Decodes the elements of the array that opens before <paramref name="at"/> into <paramref name="entries"/> and
    /// returns where its closing bracket is. An element in the layout the API writes (the simulator's, and
    /// <c>--output jsonl</c>'s) is read without the JSON reader, which was most of a page's parsing time; any other is
    /// read by a JSON reader over that element alone, so it is skipped, repaired and counted as before.
    /// </summary>
    /// <exception cref="JsonException">The array is not valid JSON.</exception>
    private static int ReadElements(byte[] body, int at, LogV1Decoder decoder, List<LogEntry> entries)
    {
        ReadOnlySpan<byte> json = body;
        var text = new PageText();
        at = SkipWhiteSpace(json, at);
        if (at < json.Length && json[at] == (byte)']')
        {
            return at;
        }

        while (true)
        {
            if (decoder.TryDecodeWrittenLayout(json[at..], out var written, out var consumed))
            {
                entries.Add(new LogEntry(written.TimestampNanos, Kept(body, written.Message, text), written.Replica, written.RequestId, written.Level));
                at += consumed;
            }
            else
            {
                var element = new Utf8JsonReader(json[at..], LogV1Decoder.ReaderOptions);
                if (!element.Read())
                {
                    throw new JsonException("the \"logs\" array is not closed");
                }

                if (decoder.TryDecode(ref element, out var entry, out _))
                {
                    entries.Add(new LogEntry(entry.TimestampNanos, Kept(body, entry.Message, text), entry.Replica, entry.RequestId, entry.Level));
                }

                at += (int)element.BytesConsumed;
            }

            at = SkipWhiteSpace(json, at);
            if (at < json.Length && json[at] == (byte)']')
            {
                return at;
            }

            if (at >= json.Length || json[at] != (byte)',')
            {
                throw new JsonException("the \"logs\" array's elements are not separated by commas");
            }

            // A value must follow the comma (a trailing comma is not JSON).
            at = SkipWhiteSpace(json, at + 1);
        }
    }

    /// <summary>
    /// A message the entry can keep: the body's own bytes when it is there as is (most messages need no unescaping), else a
    /// copy in the page's text. An entry remembered by the de-duplication then holds its answer's body, which it was
    /// read into anyway, instead of a second copy of its text.
    /// </summary>
    private static ReadOnlyMemory<byte> Kept(byte[] body, ReadOnlySpan<byte> message, PageText text) =>
        body.AsSpan().Overlaps(message, out var offset) ? body.AsMemory(offset, message.Length) : text.Add(message);

    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            at++;
        }

        return at;
    }
}
