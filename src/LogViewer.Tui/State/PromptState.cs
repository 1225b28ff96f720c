using System.Collections.Immutable;

namespace LogViewer.Tui.State;

/// <summary>
/// The <c>:</c> command prompt's slice of the viewer state: whether it is open, the text being edited, the
/// reason the last command was refused (shown in place, the text kept so it can be fixed), and the history
/// that Up/Down walk (newest last).
/// </summary>
internal sealed record PromptState
{
    /// <summary>Commands kept for Up/Down; older ones are forgotten.</summary>
    public const int HistoryLimit = 100;

    public static PromptState Closed { get; } = new();

    public bool Open { get; init; }

    /// <summary>What follows the <c>:</c>.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Why the last Enter was refused, or a list of completions; cleared by the next edit.</summary>
    public string? Error { get; init; }

    /// <summary>Candidates after an ambiguous Tab, shown in place of the error.</summary>
    public string? Hint { get; init; }

    /// <summary>Commands run, oldest first.</summary>
    public ImmutableList<string> History { get; init; } = [];

    /// <summary>The history entry Up/Down shows; <see cref="History"/>.Count when editing a new line.</summary>
    public int HistoryIndex { get; init; }

    /// <summary>The line being typed before Up was pressed, given back by Down past the newest entry.</summary>
    public string Draft { get; init; } = string.Empty;
}
