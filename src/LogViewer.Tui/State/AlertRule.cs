using LogViewer.Core.Rules;

namespace LogViewer.Tui.State;

/// <summary>
/// An alert rule (<c>:alert</c>, <c>--alert</c>): its pattern, how many new lines it matched, when it last notified,
/// and the matches since then not yet told (<see cref="Untold"/>, the first of them in <see cref="FirstUntold"/>).
/// </summary>
internal sealed record AlertRule(RulePattern Pattern)
{
    public int Hits { get; init; }

    public DateTimeOffset? LastNotified { get; init; }

    public int Untold { get; init; }

    public AlertHit? FirstUntold { get; init; }

    /// <summary>"alert /loss=(nan|inf)/" as the panel and the notices write it.</summary>
    public string Describe() => $"alert {Pattern.Display}";
}
