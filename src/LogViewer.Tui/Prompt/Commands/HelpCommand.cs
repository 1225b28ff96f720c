using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:help</c>: opens the help overlay (keys and commands).</summary>
internal sealed class HelpCommand : IPromptCommand
{
    public string Name => "help";

    public IReadOnlyList<string> Aliases => ["h"];

    public string Usage => "help";

    public string Help => "keys and commands";

    public PromptArgument Argument => PromptArgument.None;

    public ParsedCommand Parse(string arguments, PromptContext context) => ParsedCommand.Run(new ShowHelp());
}
