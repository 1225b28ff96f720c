using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogViewer.Core.Model;

namespace LogViewer.Core.Output;

/// <summary>
/// One log entry as one line of JSON with exactly the API's LogV1 fields (<c>timestamp</c> as the nanosecond
/// string, <c>message</c>, <c>replica</c>, <c>request_id</c>, <c>level</c>; nulls written), so the output can be
/// replayed or fed to anything that reads the API. Non-ASCII stays readable (relaxed escaping); control characters
/// are still escaped by JSON itself, so a line cannot drive a terminal either.
/// </summary>
public static class JsonLinesFormatter
{
    private static readonly OutputJsonContext Context = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Format(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = new LogV1Line(
            entry.TimestampNanos.ToString(CultureInfo.InvariantCulture),
            entry.Message,
            entry.Replica,
            entry.RequestId,
            entry.Level.ToApi());
        return JsonSerializer.Serialize(line, Context.LogV1Line);
    }
}

/// <summary>The API's LogV1 shape, field for field.</summary>
internal sealed record LogV1Line(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("replica")] string? Replica,
    [property: JsonPropertyName("request_id")] string? RequestId,
    [property: JsonPropertyName("level")] string? Level);

[JsonSerializable(typeof(LogV1Line))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
