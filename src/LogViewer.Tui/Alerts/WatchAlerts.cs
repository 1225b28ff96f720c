using LogViewer.Core.Rules;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Alerts;

/// <summary>Match new lines against these patterns from now on (the alert rules changed).</summary>
internal sealed record WatchAlerts(IReadOnlyList<RulePattern> Patterns) : ViewerEffect;
