using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:request ID</c>: only the lines of one inference request (as <c>--request-id</c>); bare, every request.</summary>
internal sealed class RequestCommand : IPromptCommand
{
    public string Name => "request";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "request [ID]";

    public string Help => "only this request id's lines; without ID, every request";

    public PromptArgument Argument => PromptArgument.Text;

    public IEnumerable<string> Candidates(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestIds;
    }

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Contains(' ', StringComparison.Ordinal)
            ? ParsedCommand.Fail($"request {arguments}: a request id has no spaces")
            : ParsedCommand.Run(new SetRequestId(arguments.Length == 0 ? null : arguments));
    }
}
