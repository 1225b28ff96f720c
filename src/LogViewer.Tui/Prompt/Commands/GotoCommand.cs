
namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:goto TIME</c>: selects the first entry at or after TIME and puts it at the top of the pane.</summary>
internal sealed class GotoCommand : IPromptCommand
{
    public string Name => "goto";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "goto TIME";

    public string Help => "first entry at or after TIME: HH:MM[:SS[.fff]], ISO-8601, or -15m before the newest; before the loaded start, a page there is read";

    public PromptArgument Argument => PromptArgument.Text;

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        if (arguments.Length == 0)
        {
            return ParsedCommand.Fail($"goto needs a time: {GotoTarget.Expectation}");
        }

        return GotoTarget.TryParse(arguments, context.LocalZone, out var target)
            ? ParsedCommand.Run(new GoToTime(target))
            : ParsedCommand.Fail($"goto {arguments}: {GotoTarget.Expectation}");
    }
}
