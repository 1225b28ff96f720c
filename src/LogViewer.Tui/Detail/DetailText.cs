using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LogViewer.Core.Model;
using LogViewer.Core.Text;
using LogViewer.Tui.State;
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

    public static List<string> RowsFor(DetailState detail, int width, TimeZoneInfo zone) =>
        [.. StyledRowsFor(detail, width, zone, colours: false).Select(row => row.Text)];

    /// <summary>The rows with the messages' own SGR styles, when <paramref name="colours"/> (not under NO_COLOR).</summary>
    public static List<StyledRow> StyledRowsFor(DetailState detail, int width, TimeZoneInfo zone, bool colours)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(zone);
        width = Math.Max(10, width);
        var styled = new List<StyledRow>();
        if (detail.Lines.IsDefaultOrEmpty)
        {
            return styled;
        }

        var rows = new List<string>();

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
        styled.AddRange(rows.Select(row => new StyledRow(row, [])));
        var styles = new List<StyleChange>();
        foreach (var line in detail.Lines)
        {
            var pretty = PrettyJson(line.Message);
            foreach (var part in (pretty ?? line.Message).Split('\n'))
            {
                var text = colours ? TerminalText.Sanitize(part.TrimEnd('\r'), styles) : TerminalText.Sanitize(part.TrimEnd('\r'));
                if (!colours)
                {
                    styles.Clear();
                }

                WrapStyled(styled, text, styles, width);
            }
        }

        return styled;
    }

    /// <summary>As <see cref="Wrap"/>, each row carrying the styles that fall in it (the one in force at its start first).</summary>
    private static void WrapStyled(List<StyledRow> rows, string text, List<StyleChange> styles, int width)
    {
        var pieces = new List<string>();
        Wrap(pieces, text, width);
        var start = 0;
        var index = 0;
        var current = SgrStyle.Plain;
        foreach (var piece in pieces)
        {
            var end = start + piece.Length;
            var changes = ImmutableArray.CreateBuilder<StyleChange>();
            if (!current.IsPlain)
            {
                changes.Add(new StyleChange(0, current));
            }

            while (index < styles.Count && styles[index].Position < end)
            {
                current = styles[index].Style;
                changes.Add(new StyleChange(Math.Max(0, styles[index].Position - start), current));
                index++;
            }

            rows.Add(new StyledRow(piece, changes.ToImmutable()));
            start = end;
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
