using System.Collections.Immutable;
using LogViewer.Core.Rules;

namespace LogViewer.Tui.State;

/// <summary>The rule panel's slice of the state: open or not, the cursor, the rule being typed, the match counts.</summary>
internal sealed record RulePanelState
{
    public static RulePanelState Closed { get; } = new();

    public bool Open { get; init; }

    /// <summary>Index of the selected rule (0 when there are none).</summary>
    public int Cursor { get; init; }

    public RuleEditMode Editing { get; init; }

    /// <summary>The text in the panel's input while <see cref="Editing"/>.</summary>
    public string EditText { get; init; } = string.Empty;

    /// <summary>Held entries each pattern matches, as last read; a pattern still being counted is absent.</summary>
    public ImmutableDictionary<RulePattern, int> Counts { get; init; } = ImmutableDictionary<RulePattern, int>.Empty;

    /// <summary>The last server search's outcome, shown under the rules until the rules change.</summary>
    public string? SearchResult { get; init; }

    /// <summary>True while a server search runs (a second one is refused).</summary>
    public bool Searching { get; init; }
}
