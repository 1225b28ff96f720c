using System.Text;

namespace LogViewer.Tui.Picker;

/// <summary>
/// The picker's keys. Every other printable character is typed into the query, so letters are not commands here:
/// <c>q</c> quits only while the query is empty, and a query may start with <c>/</c> (ignored when matching) so
/// that it can begin with q.
/// The README's picker key list is generated from this table (a test keeps them equal).
/// </summary>
internal static class PickerKeyTable
{
    public static IReadOnlyList<(IReadOnlyList<string> Keys, string Description)> Rows { get; } =
    [
        (["type"], "narrow by name, id or status (every word must match)"),
        (["Backspace"], "delete the last character of the query"),
        (["Down", "Ctrl+N"], "next row"),
        (["Up", "Ctrl+P"], "previous row"),
        (["PageDown", "PageUp"], "next / previous page"),
        (["Home", "End"], "first / last row"),
        (["Enter"], "open the row's logs in this window (`p` there comes back)"),
        (["Ctrl+R", "F5"], "read the listing again"),
        (["/"], "begin a query (so that it can start with q; the / is not matched)"),
        (["Esc"], "clear the query; on an empty one, quit"),
        (["q"], "quit (while the query is empty)"),
        (["Ctrl+Z"], "suspend to the shell (`fg` comes back)"),
        (["Ctrl+C"], "quit"),
    ];

    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Keys | Action |");
        text.AppendLine("| --- | --- |");
        foreach (var (keys, description) in Rows)
        {
            text.Append("| ").Append(string.Join(", ", keys.Select(k => k == "type" ? "(type)" : $"`{k}`"))).Append(" | ").Append(description).AppendLine(" |");
        }

        return text.ToString();
    }

    /// <summary>The message for a key, given the query so far; null when the key does nothing here.</summary>
    public static PickerMessage? Resolve(string? keyName, string? typed, string query) => keyName switch
    {
        "Enter" => new OpenSelected(),
        "Down" or "Ctrl+N" => new MoveCursor(1),
        "Up" or "Ctrl+P" => new MoveCursor(-1),
        "PageDown" => new MoveCursorPages(1),
        "PageUp" => new MoveCursorPages(-1),
        "Home" => new MoveCursorToEnd(-1),
        "End" => new MoveCursorToEnd(1),
        "Ctrl+R" or "F5" => new RefreshListing(),
        "Ctrl+C" => new QuitPicker(),
        "Ctrl+Z" => new SuspendPicker(),
        "Backspace" => query.Length > 0 ? new QueryChanged(query[..^1]) : null,
        "Esc" => query.Length > 0 ? new QueryChanged(string.Empty) : new QuitPicker(),
        "q" when query.Length == 0 => new QuitPicker(),
        _ when typed is { Length: > 0 } text && !char.IsControl(text[0]) => new QueryChanged(query + text),
        _ => null,
    };
}
