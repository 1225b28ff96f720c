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

/// <summary>A subcommand: its options, the values of its first argument (if fixed), and whether its argument is a file.</summary>
internal sealed record CompletedCommand(string Name, string Description, IReadOnlyList<CompletedOption> Options, IReadOnlyList<string> ArgumentValues, bool TakesFiles);

/// <summary>One option: every spelling, whether it takes a value, the values offered, and whether the value is a path.</summary>
internal sealed record CompletedOption(IReadOnlyList<string> Names, string Description, bool TakesValue, IReadOnlyList<string> Values, bool TakesPath)
{
    public static CompletedOption From(Option option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var takesValue = option.ValueType != typeof(bool);
        var values = takesValue ? option.GetCompletions(CompletionContext.Empty).Select(i => i.Label).ToArray() : [];
        return new CompletedOption(
            [.. option.Aliases.Prepend(option.Name).Where(CompletionModel.IsShellSpelling).Distinct()],
            CompletionModel.FirstSentence(option.Description),
            takesValue,
            values,
            takesValue && option.HelpName is "PATH" or "FILE");
    }

    public string LongName => Names.FirstOrDefault(n => n.StartsWith("--", StringComparison.Ordinal)) ?? Names[0];

    public string? ShortName => Names.FirstOrDefault(n => n.Length == 2 && n[0] == '-' && n[1] != '-');
}
