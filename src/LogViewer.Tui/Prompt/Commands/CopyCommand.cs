using LogViewer.Tui.Copy;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:copy</c>: as the <c>c</c> key, the marked entries (else the selected one) to the clipboard.</summary>
internal sealed class CopyCommand : IPromptCommand
{
    public string Name => "copy";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "copy";

    public string Help => "copy the marked entries, else the selected one, to the clipboard (as c)";

    public PromptArgument Argument => PromptArgument.None;

    public ParsedCommand Parse(string arguments, PromptContext context) =>
        string.IsNullOrEmpty(arguments) ? ParsedCommand.Run(new CopySelection()) : ParsedCommand.Fail("copy takes no argument (:copy-format sets text or jsonl)");
}
