using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:forget</c>: start clean and remove this target's saved session.</summary>
internal sealed class ForgetCommand : IPromptCommand
{
    public string Name => "forget";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "forget";

    public string Help => "clear every filter and remove this target's saved session";

    public PromptArgument Argument => PromptArgument.None;

    public ParsedCommand Parse(string arguments, PromptContext context) => ParsedCommand.Run(new ForgetSession());
}
