using LogViewer.Tui.Rules;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:hide-replica ID</c> and <c>:show-replica ID</c>: what <c>x</c> does in the sidebar, by name.</summary>
internal sealed class ReplicaCommand(bool hide) : IPromptCommand
{
    public string Name => hide ? "hide-replica" : "show-replica";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => $"{Name} ID";

    public string Help => hide ? "hide this replica's lines" : "show this replica's lines again";

    public PromptArgument Argument => PromptArgument.Text;

    /// <summary>The replicas this command would change: the shown ones to hide, the hidden ones to show.</summary>
    public IEnumerable<string> Candidates(PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Replicas.Where(replica => context.HiddenReplicas.Contains(replica) != hide);
    }

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length == 0)
        {
            return ParsedCommand.Fail($"{Name} needs a replica id (the sidebar lists them)");
        }

        return ParsedCommand.Run(hide ? new HideReplica(arguments) : new ShowReplica(arguments));
    }
}
