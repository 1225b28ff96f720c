namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// One command of the <c>:</c> prompt: its name (and aliases), what its argument is (for Tab completion),
/// a one-line help, and a parser that turns the argument text into the action it runs or a reason it cannot.
/// Parsers are pure: anything that touches the outside world happens when the action's effect runs.
/// </summary>
internal interface IPromptCommand
{
    /// <summary>The name typed after <c>:</c>, e.g. <c>goto</c>.</summary>
    string Name { get; }

    /// <summary>Other names for the same command (<c>w</c> for <c>write</c>).</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>How to call it, for help and error messages: <c>goto TIME</c>.</summary>
    string Usage { get; }

    /// <summary>What it does, in one line.</summary>
    string Help { get; }

    /// <summary>What Tab completes after the name.</summary>
    PromptArgument Argument { get; }

    /// <summary>
    /// What Tab offers as the argument (level names, replica ids, rule numbers...); none by default, or for a
    /// free-text argument. Not used for <see cref="PromptArgument.FilePath"/>, which completes from the file system.
    /// </summary>
    IEnumerable<string> Candidates(PromptContext context) => [];

    /// <summary>Parses the text after the name (trimmed; empty when there is none).</summary>
    ParsedCommand Parse(string arguments, PromptContext context);
}

/// <summary>What a command's argument is, so Tab knows what to complete.</summary>
internal enum PromptArgument
{
    None,
    Text,
    FilePath,
}
