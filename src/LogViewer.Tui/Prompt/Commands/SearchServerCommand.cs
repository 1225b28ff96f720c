using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:search-server [DURATION]</c>: reads back from now over DURATION with the rules the server can apply.</summary>
internal sealed class SearchServerCommand : IPromptCommand
{
    public string Name => "search-server";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "search-server [DURATION]";

    public string Help => $"find older matches on the server (default 7d, stops at {ServerSearch.MaxMatches:N0})";

    public PromptArgument Argument => PromptArgument.Text;

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length == 0)
        {
            return ParsedCommand.Run(new SearchServer(ServerSearch.DefaultDuration));
        }

        return DurationSyntax.TryParse(arguments, out var duration) && duration > TimeSpan.Zero
            ? ParsedCommand.Run(new SearchServer(duration))
            : ParsedCommand.Fail($"search-server {arguments}: expected a duration such as 2h, 3d or 1h30m");
    }
}
