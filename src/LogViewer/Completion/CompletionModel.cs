using System.CommandLine;
using System.CommandLine.Completions;

namespace LogViewer.Completion;

/// <summary>
/// What a shell needs to complete <c>logviewer</c>, read from the real command tree so the scripts cannot fall behind
/// it: each command, its options (with the values System.CommandLine offers for them) and whether it takes files.
/// </summary>
internal sealed record CompletionModel(IReadOnlyList<string> RootOptions, IReadOnlyList<CompletedCommand> Commands)
{
    public static CompletionModel From(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var recursive = root.Options.Where(o => o.Recursive && !o.Hidden).ToList();
        var commands = root.Subcommands
            .Where(c => !c.Hidden)
            .Select(c => new CompletedCommand(
                c.Name,
                FirstSentence(c.Description),
                [.. c.Options.Concat(recursive).Where(o => !o.Hidden).Distinct().Select(CompletedOption.From)],
                c.Arguments.Where(a => !a.Hidden).Select(a => a.GetCompletions(CompletionContext.Empty).Select(i => i.Label).ToArray()).FirstOrDefault(v => v.Length > 0) ?? [],
                c.Arguments.Any(a => a.Name.Contains("FILE", StringComparison.Ordinal))))
            .ToList();
        var rootOptions = root.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(IsShellSpelling).Distinct().ToList();
        return new CompletionModel(rootOptions, commands);
    }

    /// <summary>Unix spellings only: System.CommandLine also accepts /h, -? and /? for help.</summary>
    internal static bool IsShellSpelling(string name) => name.StartsWith('-') && name != "-?";

    /// <summary>The description's first sentence, without "(default: ...)" or "Exit codes": shells show one short line.</summary>
    internal static string FirstSentence(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        foreach (var end in (string[])[". ", " (default", "; "])
        {
            var at = text.IndexOf(end, StringComparison.Ordinal);
            if (at > 0)
            {
                text = text[..at];
            }
        }

        return text.TrimEnd('.');
    }
}
