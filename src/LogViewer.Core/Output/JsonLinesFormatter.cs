using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Output;

/// <summary>
/// One log entry as one line of JSON with exactly the API's LogV1 fields (<c>timestamp</c> as the nanosecond
/// string, <c>message</c>, <c>replica</c>, <c>request_id</c>, <c>level</c>; nulls written), so the output can be
/// replayed or fed to anything that reads the API. Non-ASCII stays readable (relaxed escaping); control characters
/// are still escaped by JSON itself, so a line cannot drive a terminal either. A stored row's message goes from the
/// store's UTF-8 into the line without a string being made. One instance per writer: it reuses its buffers.
/// </summary>
public sealed class JsonLinesFormatter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;
    private char[] _chars = new char[1024];

    public JsonLinesFormatter()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public string Format(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Begin(entry.TimestampNanos);
        _writer.WriteString("message"u8, entry.Message);
        End(entry.Replica, entry.RequestId, entry.Level);
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Writes a stored row as one line.</summary>
    public void WriteLine(TextWriter output, Utf8LogRow row)
    {
        ArgumentNullException.ThrowIfNull(output);
        Begin(row.TimestampNanos);
        _writer.WriteString("message"u8, row.Message);
        End(row.Replica, row.RequestId, row.Level);
        var written = _buffer.WrittenSpan;
        var length = Encoding.UTF8.GetMaxCharCount(written.Length);
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }

        output.Write(_chars.AsSpan(0, Encoding.UTF8.GetChars(written, _chars)));
        output.WriteLine();
    }

    public void Dispose() => _writer.Dispose();

    private void Begin(long timestampNanos)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(timestampNanos, digits, out var used);
        _writer.WriteString("timestamp"u8, digits[..used]);
    }

    private void End(string? replica, string? requestId, LogLevel level)
    {
        _writer.WriteString("replica"u8, replica);
        _writer.WriteString("request_id"u8, requestId);
        _writer.WriteString("level"u8, level.ToApi());
        _writer.WriteEndObject();
        _writer.Flush();
    }
}
