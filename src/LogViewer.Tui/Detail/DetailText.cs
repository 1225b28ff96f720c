using System.Globalization;
using System.Text;
using System.Text.Json;
using LogViewer.Core.Model;
using LogViewer.Core.Text;
using Terminal.Gui.Text;

namespace LogViewer.Tui.Detail;

/// <summary>
/// The detail pane's text for a width, as a pure function of the entry: every field (the nanosecond timestamp and its
/// UTC and local forms, level, replica, request id), then every line of the entry in full, wrapped; a line feed in a
/// message starts a new row, and a message that is JSON is pretty-printed with indentation.
/// </summary>
internal static class DetailText
{
    private const string Rule = "\u2500";

    public static List<string> RowsFor(DetailState detail, int width, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(zone);
        width = Math.Max(10, width);
        var rows = new List<string>();
        if (detail.Lines.IsDefaultOrEmpty)
        {
            return rows;
        }

        var head = detail.Lines[0];
        var time = Nanos.ToDateTimeOffset(head.TimestampNanos);
        var fraction = (head.TimestampNanos % 1_000_000_000 + 1_000_000_000) % 1_000_000_000;
        var local = TimeZoneInfo.ConvertTime(time, zone);
        Field(rows, width, "time", head.TimestampNanos.ToString(CultureInfo.InvariantCulture) + " ns");
        Field(rows, width, "UTC", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z");
        Field(rows, width, "local", local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + " " + local.ToString("zzz", CultureInfo.InvariantCulture));
        Field(rows, width, "level", detail.Level.ToApi() ?? "(none)");
        Field(rows, width, "replica", head.Replica is { } replica ? TerminalText.Sanitize(replica) : "(none)");
        Field(rows, width, "request id", head.RequestId is { } request ? TerminalText.Sanitize(request) + "   (r traces this request)" : "(none)");
        Field(rows, width, "lines", detail.Lines.Length == 1 ? "1" : $"{detail.Lines.Length} (grouped into one entry)");
        rows.Add(string.Concat(Enumerable.Repeat(Rule, width)));
        foreach (var line in detail.Lines)
        {
            foreach (var text in MessageRows(line.Message))
            {
                Wrap(rows, text, width);
            }
        }

        return rows;
    }

    /// <summary>The message's own rows: pretty-printed when it is JSON, else split at line feeds; each made terminal-safe.</summary>
    internal static IEnumerable<string> MessageRows(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pretty = PrettyJson(message);
        var source = pretty ?? message;
        foreach (var part in source.Split('\n'))
        {
            yield return TerminalText.Sanitize(part.TrimEnd('\r'));
        }
    }

    /// <summary>The message indented, when the whole of it is a JSON object or array; otherwise null.</summary>
    internal static string? PrettyJson(string message)
    {
        var trimmed = message.AsSpan().Trim();
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']')))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Field(List<string> rows, int width, string name, string value) => Wrap(rows, name.PadRight(11) + value, width);

    /// <summary>Adds <paramref name="text"/> as rows of at most <paramref name="width"/> terminal columns.</summary>
    internal static void Wrap(List<string> rows, string text, int width)
    {
        if (text.Length == 0)
        {
            rows.Add(string.Empty);
            return;
        }

        var row = new StringBuilder();
        var columns = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = Math.Max(0, rune.GetColumns());
            if (columns + w > width && row.Length > 0)
            {
                rows.Add(row.ToString());
                row.Clear();
                columns = 0;
            }

            row.Append(rune.ToString());
            columns += w;
        }

        rows.Add(row.ToString());
    }
}
