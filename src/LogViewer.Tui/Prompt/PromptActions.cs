using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt;

/// <summary>The prompt's text changed (typing, or a completion the view applied).</summary>
internal sealed record PromptTextChanged(string Text) : ViewerAction;

/// <summary>Enter in the prompt: run the text as a command.</summary>
internal sealed record SubmitPrompt(string Text) : ViewerAction;

/// <summary>Esc in the prompt: close it without running anything.</summary>
internal sealed record CancelPrompt : ViewerAction;

/// <summary>Up (-1) or Down (+1) in the prompt: walk the history.</summary>
internal sealed record BrowsePromptHistory(int Direction) : ViewerAction;

/// <summary>Tab in the prompt: complete the command name or the file path under the cursor.</summary>
internal sealed record CompletePrompt : ViewerAction;

/// <summary>The completion worked out for a Tab: the new text, and the candidates when several remain.</summary>
internal sealed record PromptCompleted(string Text, string? Hint) : ViewerAction;

/// <summary>Work out the Tab completion of <paramref name="Text"/> (it lists directories, so it is an effect).</summary>
internal sealed record CompleteInPrompt(string Text) : ViewerEffect;
