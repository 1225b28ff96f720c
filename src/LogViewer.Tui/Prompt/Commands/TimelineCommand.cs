using LogViewer.Tui.Timeline;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:timeline [on|off]</c>: the timeline strip; without an argument it opens or closes it, as <c>T</c> does.</summary>
internal sealed class TimelineCommand : IPromptCommand
{
    public string Name => "timeline";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "timeline [on|off]";

    public string Help => "lines per time bucket above the pane (T); h/l, Enter go";

    public PromptArgument Argument => PromptArgument.Text;

    public IEnumerable<string> Candidates(PromptContext context) => ["on", "off"];

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.ToLowerInvariant() switch
        {
            "" => ParsedCommand.Run(new SetTimeline(null)),
            "on" => ParsedCommand.Run(new SetTimeline(true)),
            "off" => ParsedCommand.Run(new SetTimeline(false)),
            _ => ParsedCommand.Fail($"timeline {arguments}: expected on, off, or nothing (opens or closes it)"),
        };
    }
}
