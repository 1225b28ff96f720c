using System.Globalization;
using LogViewer.Tui.Rules;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// <c>:enable N</c>, <c>:disable N</c>, <c>:delete N</c>: act on rule N as the panel numbers them (from 1).
/// A number that names no rule is refused in place.
/// </summary>
internal sealed class RuleNumberCommand : IPromptCommand
{
    private readonly Func<int, ViewerAction> _action;

    private RuleNumberCommand(string name, string help, Func<int, ViewerAction> action)
    {
        Name = name;
        Help = help;
        _action = action;
    }

    public static RuleNumberCommand Enable { get; } = new("enable", "turn rule N on (N as numbered in the Tab panel)", n => new SetRuleEnabled(n, true));

    public static RuleNumberCommand Disable { get; } = new("disable", "turn rule N off; it stays in the panel", n => new SetRuleEnabled(n, false));

    public static RuleNumberCommand Delete { get; } = new("delete", "delete rule N", n => new DeleteRule(n));

    public string Name { get; }

    public IReadOnlyList<string> Aliases => [];

    public string Usage => $"{Name} N";

    public string Help { get; }

    public PromptArgument Argument => PromptArgument.Text;

    public IEnumerable<string> Candidates(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Enumerable.Range(1, context.RuleCount).Select(n => n.ToString(CultureInfo.InvariantCulture));
    }

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (!int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return ParsedCommand.Fail(arguments.Length == 0
                ? $"{Name} needs a rule number (Tab shows the rules, numbered from 1)"
                : $"{Name} {arguments}: expected a rule number (Tab shows the rules, numbered from 1)");
        }

        if (number < 1 || number > context.RuleCount)
        {
            return ParsedCommand.Fail(context.RuleCount == 0
                ? $"{Name} {number}: there are no rules (:filter-in or :filter-out adds one)"
                : $"{Name} {number}: rules are numbered 1 to {context.RuleCount} (Tab shows them)");
        }

        return ParsedCommand.Run(_action(number));
    }
}
