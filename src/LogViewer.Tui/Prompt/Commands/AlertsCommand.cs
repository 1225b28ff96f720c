using LogViewer.Tui.Alerts;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:alerts</c>: the recent alerts, newest first; Enter selects one's line in the pane.</summary>
internal sealed class AlertsCommand : IPromptCommand
{
    public string Name => "alerts";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "alerts";

    public string Help => "list recent alerts; Enter goes to the line";

    public PromptArgument Argument => PromptArgument.None;

    public ParsedCommand Parse(string arguments, PromptContext context) => ParsedCommand.Run(new ShowAlerts());
}
