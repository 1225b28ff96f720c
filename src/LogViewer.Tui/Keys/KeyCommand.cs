using System.Text;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Keys;

/// <summary>
/// One row of the key table: the keys (as users type them: <c>j</c>, <c>G</c>, <c>Ctrl+D</c>, <c>PageUp</c>),
/// what they do in words, and the action they dispatch.
/// </summary>
internal sealed record KeyCommand(IReadOnlyList<string> Keys, string Description, ViewerAction Action)
{
    /// <summary>The action of every key of <paramref name="commands"/>; a key bound twice is a mistake and throws.</summary>
    public static Dictionary<string, ViewerAction> Index(IEnumerable<KeyCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var index = new Dictionary<string, ViewerAction>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            foreach (var key in command.Keys)
            {
                index.Add(key, command.Action);
            }
        }

        return index;
    }

    /// <summary>Any key table as a Markdown table.</summary>
    public static string ToMarkdown(IReadOnlyList<KeyCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var text = new StringBuilder();
        text.AppendLine("| Keys | Action |");
        text.AppendLine("| --- | --- |");
        foreach (var command in commands)
        {
            var keys = string.Join(", ", command.Keys.Select(k => $"`{(k == "|" ? "\\|" : k)}`"));
            text.Append("| ").Append(keys).Append(" | ").Append(command.Description).AppendLine(" |");
        }

        return text.ToString();
    }

    /// <summary>Any key table as help lines, keys padded to a column.</summary>
    public static IReadOnlyList<string> HelpLines(IReadOnlyList<KeyCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var keyColumn = commands.Max(c => string.Join(" ", c.Keys).Length) + 1;
        return [.. commands.Select(c => string.Join(" ", c.Keys).PadRight(keyColumn) + c.Description)];
    }
}
