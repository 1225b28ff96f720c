using System.Collections.Frozen;
using LogViewer.Core.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// Every command of the <c>:</c> prompt, in one list: the prompt looks names up here, Tab completes from it,
/// <c>:help</c>, the help overlay and the README's command table are made from it. A feature adds its commands
/// by adding its types to <see cref="All"/>.
/// </summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<IPromptCommand> All { get; } =
    [
        new GotoCommand(),
        new WriteCommand(overwrite: false),
        new WriteCommand(overwrite: true),
        new CopyCommand(),
        new CopyFormatCommand(),
        new FilterRuleCommand(RuleKind.In),
        new FilterRuleCommand(RuleKind.Out),
        new LevelCommand(),
        new ReplicaCommand(hide: true),
        new ReplicaCommand(hide: false),
        new RequestCommand(),
        new ClearFiltersCommand(),
        RuleNumberCommand.Disable,
        RuleNumberCommand.Enable,
        RuleNumberCommand.Delete,
        new SearchServerCommand(),
        new AlertCommand(),
        new AlertsCommand(),
        new TimelineCommand(),
        new ChartCommand(),
        new ForgetCommand(),
        new HelpCommand(),
    ];

    private static readonly FrozenDictionary<string, IPromptCommand> ByName = All
        .SelectMany(c => c.Aliases.Prepend(c.Name).Select(name => (name, c)))
        .ToFrozenDictionary(p => p.name, p => p.c, StringComparer.Ordinal);

    /// <summary>Every name and alias, sorted: what Tab completes a command name from.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys.Order(StringComparer.Ordinal)];

    public static IPromptCommand? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Splits <paramref name="text"/> (what follows <c>:</c>) into a name and its argument and parses it.
    /// A name is letters, digits and dashes, optionally ending in <c>!</c> (<c>write!</c>).
    /// </summary>
    public static ParsedCommand Parse(string text, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (name, arguments) = Split(text);
        if (name.Length == 0)
        {
            return ParsedCommand.Fail("type a command, e.g. goto 12:30 or write out.txt (:help lists them)");
        }

        return Find(name) is { } command
            ? command.Parse(arguments, context)
            : ParsedCommand.Fail($"unknown command '{name}' (:help lists the commands)");
    }

    /// <summary>The command name and the rest, trimmed.</summary>
    public static (string Name, string Arguments) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var end = 0;
        while (end < trimmed.Length && (char.IsLetterOrDigit(trimmed[end]) || trimmed[end] == '-'))
        {
            end++;
        }

        if (end < trimmed.Length && trimmed[end] == '!')
        {
            end++;
        }

        return (trimmed[..end], trimmed[end..].Trim());
    }

    /// <summary>One line per command for <c>:help</c> and the help overlay: usage, then what it does.</summary>
    public static IReadOnlyList<string> HelpLines()
    {
        var width = All.Max(c => c.Usage.Length) + 2;
        return [.. All.Select(c => (":" + c.Usage).PadRight(width + 1) + c.Help)];
    }

    /// <summary>The command table for the README (a test keeps them equal).</summary>
    public static string ToMarkdown()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("| Command | Action |");
        text.AppendLine("| --- | --- |");
        foreach (var command in All)
        {
            var names = string.Join(", ", command.Aliases.Prepend(command.Usage).Select(n => $"`:{n.Replace("|", "\\|", StringComparison.Ordinal)}`"));
            text.Append("| ").Append(names).Append(" | ").Append(command.Help).AppendLine(" |");
        }

        return text.ToString();
    }
}
