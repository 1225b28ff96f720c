using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Rules;

/// <summary>An action of the rule feature: a panel key, a <c>:</c> command, or a result coming back.</summary>
internal abstract record RuleAction : ViewerAction;

/// <summary>Tab: opens or closes the rule panel.</summary>
internal sealed record ToggleRulePanel : RuleAction;

/// <summary>Panel cursor up (-1) or down (1).</summary>
internal sealed record MoveRuleCursor(int Rows) : RuleAction;

/// <summary>Starts typing a new in- or out-rule, or editing the selected one.</summary>
internal sealed record BeginRuleEdit(RuleEditMode Mode) : RuleAction;

internal sealed record RuleEditTextChanged(string Text) : RuleAction;

/// <summary>Enter (keep) or Esc (discard) in the panel's input.</summary>
internal sealed record EndRuleEdit(bool Keep) : RuleAction;

/// <summary>Space: the selected rule on or off.</summary>
internal sealed record ToggleSelectedRule : RuleAction;

internal sealed record DeleteSelectedRule : RuleAction;

/// <summary>Moves the selected rule up (-1) or down (1) in the list.</summary>
internal sealed record MoveSelectedRule(int Delta) : RuleAction;

/// <summary><c>:filter-in</c> / <c>:filter-out</c>: adds a rule.</summary>
internal sealed record AddRule(RuleKind Kind, RulePattern Pattern) : RuleAction;

/// <summary><c>:enable N</c> / <c>:disable N</c> (N counts from 1, as the panel shows).</summary>
internal sealed record SetRuleEnabled(int Number, bool Enabled) : RuleAction;

/// <summary><c>:delete N</c>.</summary>
internal sealed record DeleteRule(int Number) : RuleAction;

/// <summary><c>:level LEVEL</c>; <see cref="LogLevel.None"/> shows every line.</summary>
internal sealed record SetMinimumLevel(LogLevel Level) : RuleAction;

internal sealed record HideReplica(string Replica) : RuleAction;

internal sealed record ShowReplica(string Replica) : RuleAction;

/// <summary><c>:request ID</c>; <c>null</c> shows every request again.</summary>
internal sealed record SetRequestId(string? RequestId) : RuleAction;

/// <summary><c>:clear-filters</c>: every rule, the level, hidden replicas, the request id and the quick filter gone.</summary>
internal sealed record ClearAllFilters : RuleAction;

/// <summary><c>:search-server [DURATION]</c> or <c>S</c> in the panel.</summary>
internal sealed record SearchServer(TimeSpan Duration) : RuleAction;

/// <summary>
/// The server search ended: what it found and joined, or why it failed, in one line; <paramref name="GapNanos"/>
/// is where the held range began when it joined lines older than that (the pane's gap row goes there).
/// </summary>
internal sealed record ServerSearchEnded(string Message, long? GapNanos = null) : RuleAction;

/// <summary><c>:forget</c>: start clean and remove this target's saved session.</summary>
internal sealed record ForgetSession : RuleAction;

/// <summary>A message to show after the session was restored, forgotten or found damaged.</summary>
internal sealed record SessionNotice(string Message) : RuleAction;

/// <summary>The rules' match counts as the program last read them.</summary>
internal sealed record RuleCountsRead(IReadOnlyDictionary<RulePattern, int> Counts) : RuleAction;

/// <summary>At start: the rules (saved ones with the command line's on top) and the saved view toggles.</summary>
internal sealed record RestoreSession(RuleSet Rules, TimeFormat? TimeFormat, bool? Wrap, bool? Sidebar, string? Notice) : RuleAction;
