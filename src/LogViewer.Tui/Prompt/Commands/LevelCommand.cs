using LogViewer.Core.Model;
using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:level LEVEL</c>: the minimum level (as <c>--level</c>); <c>all</c> shows every line again.</summary>
internal sealed class LevelCommand : IPromptCommand
{
    public string Name => "level";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "level debug|info|warning|error|all";

    public string Help => "minimum level; all shows lines of every level and none";

    public PromptArgument Argument => PromptArgument.Text;

    public IEnumerable<string> Candidates(PromptContext context) => ["debug", "info", "warning", "error", "all"];

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Equals("all", StringComparison.OrdinalIgnoreCase) || arguments.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return ParsedCommand.Run(new SetMinimumLevel(LogLevel.None));
        }

        return LogLevels.TryParseUserInput(arguments, out var level)
            ? ParsedCommand.Run(new SetMinimumLevel(level))
            : ParsedCommand.Fail(arguments.Length == 0
                ? "level needs a level: debug, info, warning, error, or all"
                : $"level {arguments}: expected debug, info, warning, error, or all");
    }
}
