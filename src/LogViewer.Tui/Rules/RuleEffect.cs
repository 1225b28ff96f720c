using LogViewer.Core.Api;
using LogViewer.Core.Rules;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Rules;

/// <summary>Count how many held entries each of these patterns matches (the panel's counts), dropping the others.</summary>
internal sealed record CountRules(IReadOnlyList<RulePattern> Patterns) : ViewerEffect;

/// <summary>Run the server search with these filters over this duration; answered with <see cref="ServerSearchEnded"/>.</summary>
internal sealed record RunServerSearch(LogQuery Filters, TimeSpan Duration) : ViewerEffect;

/// <summary>Remove the saved session of this target; answered with <see cref="SessionNotice"/>.</summary>
internal sealed record RemoveSavedSession : ViewerEffect
{
    public static RemoveSavedSession Instance { get; } = new();
}
