using LogViewer.Core.Rules;
using LogViewer.Tui.Alerts;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// <c>:alert PATTERN</c>: notify when a new line matches, in the filter rules' syntax (text, <c>/REGEX/</c>,
/// <c>\/TEXT</c>; smartcase). An empty or invalid pattern is refused in place, so what is typed can be fixed.
/// </summary>
internal sealed class AlertCommand : IPromptCommand
{
    public string Name => "alert";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "alert TEXT|/REGEX/";

    public string Help => "notify when a new line matches (once a minute per rule)";

    public PromptArgument Argument => PromptArgument.Text;

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return RulePattern.TryParse(arguments, out var pattern, out var error)
            ? ParsedCommand.Run(new AddAlert(pattern))
            : ParsedCommand.Fail(arguments.Length == 0 ? "alert needs a pattern: TEXT or /REGEX/, e.g. alert /loss=(nan|inf)/" : $"alert {arguments}: {error}");
    }
}
