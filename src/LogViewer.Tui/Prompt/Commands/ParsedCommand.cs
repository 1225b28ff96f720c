using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>A command's parse: the action to run, or why it cannot run (shown in the prompt, the text kept).</summary>
internal sealed record ParsedCommand(ViewerAction? Action, string? Error)
{
    public static ParsedCommand Run(ViewerAction action) => new(action, null);

    public static ParsedCommand Fail(string error) => new(null, error);
}
