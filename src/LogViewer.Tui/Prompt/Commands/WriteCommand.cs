using LogViewer.Tui.Write;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// <c>:write PATH</c> and <c>:write! PATH</c>: saves the entries the filters show, in order; <c>.jsonl</c> as LogV1
/// JSON lines (as <c>--output jsonl</c>), anything else as text (as <c>--output text</c>). Without <c>!</c> an
/// existing file is left alone, as vim does.
/// </summary>
internal sealed class WriteCommand(bool overwrite) : IPromptCommand
{
    public string Name => overwrite ? "write!" : "write";

    public IReadOnlyList<string> Aliases => overwrite ? ["w!"] : ["w"];

    public string Usage => Name + " PATH";

    public string Help => overwrite
        ? "as :write, replacing PATH if it exists"
        : "save the entries the filters show: .jsonl as LogV1 JSON lines, else text";

    public PromptArgument Argument => PromptArgument.FilePath;

    public ParsedCommand Parse(string arguments, PromptContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length == 0)
        {
            return ParsedCommand.Fail($"{Name} needs a file name, e.g. :{Name} errors.jsonl");
        }

        var path = Unquote(arguments);
        if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ParsedCommand.Fail($"{Name}: '{path}' is not a usable file name");
        }

        return ParsedCommand.Run(new WriteView(ExpandHome(path), overwrite));
    }

    /// <summary>A name with spaces may be quoted; the quotes are not part of it.</summary>
    private static string Unquote(string text) =>
        text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0] ? text[1..^1] : text;

    /// <summary><c>~/x</c> means the home directory, as in a shell.</summary>
    internal static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;
}
