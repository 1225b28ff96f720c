using LogViewer.Core.Rules;

namespace LogViewer.Tui.State;

/// <summary>One alert as <c>:alerts</c> lists it: when it arrived, the rule, and the line it matched.</summary>
internal sealed record AlertHit(DateTimeOffset At, RulePattern Pattern, AlertedLine Line, string? Replica);
