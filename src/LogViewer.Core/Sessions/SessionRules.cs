using System.Collections.Immutable;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;

namespace LogViewer.Core.Sessions;

/// <summary>Between a <see cref="RuleSet"/> and the rules, level and hidden replicas of a <see cref="SavedSession"/>.</summary>
public static class SessionRules
{
    public static SavedSession Save(SavedSession session, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rules);
        return session with
        {
            Rules = rules.Rules.Select(rule => new SavedRule(rule.Kind == RuleKind.In ? "in" : "out", rule.Pattern.Display, rule.Enabled)).ToList(),
            MinimumLevel = rules.MinimumLevel.ToApi(),
            HiddenReplicas = [.. rules.HiddenReplicas],
        };
    }

    /// <summary>The saved rules; an entry of an unknown kind is skipped rather than failing the whole session.</summary>
    public static RuleSet Restore(SavedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rules = session.Rules
            .Where(saved => saved.Kind is "in" or "out" && saved.Pattern is not null)
            .Select(saved => new FilterRule(saved.Kind == "in" ? RuleKind.In : RuleKind.Out, RulePattern.Parse(saved.Pattern), saved.Enabled));
        return RuleSet.Empty with
        {
            Rules = [.. rules],
            MinimumLevel = LogLevels.FromApi(session.MinimumLevel),
            HiddenReplicas = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, session.HiddenReplicas ?? []),
        };
    }
}
