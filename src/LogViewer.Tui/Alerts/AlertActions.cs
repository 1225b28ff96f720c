using LogViewer.Core.Rules;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Alerts;

/// <summary>An action of the alerts feature: a command, a key of the alerts list, or matches coming in.</summary>
internal abstract record AlertAction : ViewerAction;

/// <summary><c>:alert PATTERN</c> or <c>--alert PATTERN</c>: notify when a new line matches.</summary>
internal sealed record AddAlert(RulePattern Pattern) : AlertAction;

/// <summary>Deletes alert rule <paramref name="Index"/> (from 0, in the panel's order).</summary>
internal sealed record DeleteAlert(int Index) : AlertAction;

/// <summary>New lines matched alert rules; <paramref name="At"/> is when they arrived (the program's clock).</summary>
internal sealed record AlertsMatched(DateTimeOffset At, IReadOnlyList<AlertMatch> Matches) : AlertAction;

/// <summary><c>:alerts</c>: opens the list of recent alerts.</summary>
internal sealed record ShowAlerts : AlertAction;

/// <summary>The list's cursor down (1, older) or up (-1, newer).</summary>
internal sealed record MoveAlertCursor(int Rows) : AlertAction;

/// <summary>Enter in the list: selects the alert's line in the pane and closes the list.</summary>
internal sealed record JumpToAlert : AlertAction;

/// <summary>Esc in the list.</summary>
internal sealed record CloseAlerts : AlertAction;
