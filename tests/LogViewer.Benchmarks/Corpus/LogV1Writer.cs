using System.Text.Json;
using LogViewer.Core.Model;

namespace LogViewer.Benchmarks.Corpus;

/// <summary>Writes entries as LogV1 JSON, as the API sends them and as <c>--output jsonl</c> writes them.</summary>
internal static class LogV1Writer
{
    public static void Write(Utf8JsonWriter writer, LogEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("timestamp"u8, entry.TimestampNanos.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("message"u8, entry.Message);
        writer.WriteString("replica"u8, entry.Replica);
        writer.WriteString("request_id"u8, entry.RequestId);
        writer.WriteString("level"u8, entry.Level.ToApi());
        writer.WriteEndObject();
    }

    /// <summary>One API answer: <c>{"logs":[...]}</c>.</summary>
    public static byte[] Page(IEnumerable<LogEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("logs"u8);
            foreach (var entry in entries)
            {
                Write(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="entries"/> as jsonl (one object per line).</summary>
    public static void WriteJsonl(Stream output, IEnumerable<LogEntry> entries)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var writer = new Utf8JsonWriter(output, options);
        foreach (var entry in entries)
        {
            Write(writer, entry);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
