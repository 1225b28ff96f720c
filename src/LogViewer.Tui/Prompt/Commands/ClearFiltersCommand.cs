using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:clear-filters</c>: one command to see every held line again.</summary>
internal sealed class ClearFiltersCommand : IPromptCommand
{
    public string Name => "clear-filters";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "clear-filters";

    public string Help => "remove every rule, the level, hidden replicas, request id, quick filter";

    public PromptArgument Argument => PromptArgument.None;

    public ParsedCommand Parse(string arguments, PromptContext context) => ParsedCommand.Run(new ClearAllFilters());
}
