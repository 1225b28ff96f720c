using System.CommandLine;
using System.CommandLine.Completions;

namespace LogViewer.Completion;

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
