using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt;

/// <summary>The prompt's cases of the reducer: editing, history, and running a command's action.</summary>
internal static class PromptReducer
{
    /// <summary>
    /// The next state for a prompt action, or null when <paramref name="action"/> is not one.
    /// <paramref name="apply"/> runs a parsed command's action through the whole reducer.
    /// </summary>
    public static ViewerUpdate? Update(ViewerState state, ViewerAction action, Func<ViewerState, ViewerAction, ViewerUpdate> apply)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(apply);
        var prompt = state.Prompt;
        return action switch
        {
            OpenPrompt => (ViewerUpdate)(state with
            {
                Prompt = prompt with { Open = true, Text = string.Empty, Error = null, Hint = null, HistoryIndex = prompt.History.Count, Draft = string.Empty },
                HelpVisible = false,
                EditingFilter = false,
            }),
            PromptTextChanged changed when string.Equals(changed.Text, prompt.Text, StringComparison.Ordinal) => state,
            PromptTextChanged changed => state with { Prompt = prompt with { Text = changed.Text, Error = null, Hint = null } },
            CancelPrompt => state with { Prompt = prompt with { Open = false, Text = string.Empty, Error = null, Hint = null } },
            BrowsePromptHistory browse => Browse(state, browse.Direction),
            PromptCompleted completed => state with { Prompt = prompt with { Text = completed.Text, Error = null, Hint = completed.Hint } },
            SubmitPrompt submit => Submit(state, submit.Text, apply),
            _ => default(ViewerUpdate?),
        };
    }

    private static ViewerState Browse(ViewerState state, int direction)
    {
        var prompt = state.Prompt;
        var history = prompt.History;
        var index = Math.Clamp(prompt.HistoryIndex + direction, 0, history.Count);
        if (index == prompt.HistoryIndex)
        {
            return state;
        }

        var draft = prompt.HistoryIndex == history.Count ? prompt.Text : prompt.Draft;
        var text = index == history.Count ? draft : history[index];
        return state with { Prompt = prompt with { HistoryIndex = index, Text = text, Draft = draft, Error = null, Hint = null } };
    }

    private static ViewerUpdate Submit(ViewerState state, string text, Func<ViewerState, ViewerAction, ViewerUpdate> apply)
    {
        var prompt = state.Prompt;
        if (text.Trim().Length == 0)
        {
            return state with { Prompt = prompt with { Open = false, Text = string.Empty, Error = null, Hint = null } };
        }

        var parsed = CommandRegistry.Parse(text, PromptContext.Of(state));
        var history = prompt.History.Count > 0 && string.Equals(prompt.History[^1], text, StringComparison.Ordinal)
            ? prompt.History
            : prompt.History.Add(text);
        if (history.Count > PromptState.HistoryLimit)
        {
            history = history.RemoveAt(0);
        }

        if (parsed.Action is not { } run)
        {
            // Refused: keep the text so it can be fixed, say why in place; it still goes to the history.
            return state with { Prompt = prompt with { Text = text, Error = parsed.Error, Hint = null, History = history, HistoryIndex = history.Count } };
        }

        var closed = state with { Prompt = prompt with { Open = false, Text = string.Empty, Error = null, Hint = null, History = history, HistoryIndex = history.Count } };
        return apply(closed, run);
    }
}
