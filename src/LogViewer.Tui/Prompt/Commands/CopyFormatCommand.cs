using LogViewer.Tui.Copy;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:copy-format text|jsonl</c>: what <c>c</c> and <c>:copy</c> put on the clipboard.</summary>
internal sealed class CopyFormatCommand : IPromptCommand
{
    public string Name => "copy-format";

    public IReadOnlyList<string> Aliases => [];

    public string Usage => "copy-format text|jsonl";

    public string Help => "copy as text (time level replica message) or as LogV1 JSON lines";

    public PromptArgument Argument => PromptArgument.Text;

    public IEnumerable<string> Candidates(PromptContext context) => ["text", "jsonl"];

    public ParsedCommand Parse(string arguments, PromptContext context) => arguments switch
    {
        "text" => ParsedCommand.Run(new SetCopyFormat(CopyFormat.Text)),
        "jsonl" or "json" => ParsedCommand.Run(new SetCopyFormat(CopyFormat.Jsonl)),
        _ => ParsedCommand.Fail($"copy-format {arguments}: expected text or jsonl"),
    };
}
