using LogViewer.Core.Rules;
using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// <c>:filter-in TEXT</c> and <c>:filter-out TEXT</c>: add an in- or out-rule. <c>/REGEX/</c> is a regex;
/// <c>\/TEXT</c> or <c>-F TEXT</c> is literal text that may start with a slash (as <c>grep -F</c>).
/// An invalid regex is refused in place, so what is typed can be fixed.
/// </summary>
internal sealed class FilterRuleCommand(RuleKind kind) : IPromptCommand
{
    private const string LiteralFlag = "-F ";

    public string Name => kind == RuleKind.In ? "filter-in" : "filter-out";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => $"{Name} TEXT|/REGEX/|-F TEXT";

    public string Help => kind == RuleKind.In
        ? "add an in-rule: show only entries that match (smartcase)"
        : "add an out-rule: hide entries that match (smartcase)";

    public PromptArgument Argument => PromptArgument.Text;

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length == 0 || arguments == "-F")
        {
            return ParsedCommand.Fail($"{Name} needs a pattern: TEXT, /REGEX/, or -F TEXT for text starting with /");
        }

        var pattern = arguments.StartsWith(LiteralFlag, StringComparison.Ordinal)
            ? RulePattern.Literal(arguments[LiteralFlag.Length..].TrimStart())
            : RulePattern.Parse(arguments);
        if (pattern.Text.Length == 0)
        {
            return ParsedCommand.Fail($"{Name} {arguments}: the pattern is empty");
        }

        return pattern.Error is { } error
            ? ParsedCommand.Fail($"{Name} {arguments}: {error}")
            : ParsedCommand.Run(new AddRule(kind, pattern));
    }
}
