using System.Collections.Immutable;
using LogViewer.Core.Api;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;

namespace LogViewer.Core.Rules;

/// <summary>
/// Everything that decides which entries are shown, as one value. Semantics (lnav's): an entry is shown when no
/// enabled out-rule matches it and, if any in-rule is enabled, at least one enabled in-rule matches it; the minimum
/// level, the replica selection, the request id and the time range always apply on top. A rule whose pattern is
/// invalid, or that is off, applies nothing. <see cref="ToFilter"/> turns it into the store filter.
/// </summary>
public sealed record RuleSet
{
    public static RuleSet Empty { get; } = new();

    /// <summary>In panel order. The order does not change what is shown; it is the user's.</summary>
    public ImmutableList<FilterRule> Rules { get; init; } = [];

    /// <summary>Lowest level shown; <see cref="LogLevel.None"/> shows every entry, including entries without a level.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.None;

    public ImmutableSortedSet<string> HiddenReplicas { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>When set, only this replica is shown (<see cref="HiddenReplicas"/> is ignored meanwhile).</summary>
    public string? IsolatedReplica { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Inclusive bounds in epoch nanoseconds; either may be open.</summary>
    public long? FromNanos { get; init; }

    public long? ToNanos { get; init; }

    /// <summary>True when nothing is filtered: every held entry is shown.</summary>
    public bool ShowsEverything => ToFilter().KeepsAll;

    /// <summary>The store filter: the always-applied terms, one term per applied out-rule, one "any of" the applied in-rules.</summary>
    public LogFilter ToFilter(FilterRule? temporaryIn = null)
    {
        var terms = new List<LogFilter>();
        if (MinimumLevel != LogLevel.None)
        {
            terms.Add(new MinLevelFilter(MinimumLevel));
        }

        if (IsolatedReplica is { } isolated)
        {
            terms.Add(new ReplicaFilter([isolated]));
        }
        else if (!HiddenReplicas.IsEmpty)
        {
            terms.Add(new ReplicaFilter(HiddenReplicas, hide: true));
        }

        if (RequestId is { } requestId)
        {
            terms.Add(new RequestIdFilter(requestId));
        }

        if (FromNanos is not null || ToNanos is not null)
        {
            terms.Add(new TimeRangeFilter(FromNanos, ToNanos));
        }

        IEnumerable<FilterRule> rules = temporaryIn is null ? Rules : [.. Rules, temporaryIn];
        var applied = rules.Where(rule => rule.Applies).ToList();

        // Each out-rule is its own term, so adding one is seen as narrowing and re-scans only the current matches.
        terms.AddRange(applied.Where(rule => rule.Kind == RuleKind.Out).Select(rule => (LogFilter)new NotFilter(rule.Pattern.Filter!)));
        var ins = applied.Where(rule => rule.Kind == RuleKind.In).Select(rule => rule.Pattern.Filter!).Distinct().ToList();
        if (ins.Count == 1)
        {
            terms.Add(ins[0]);
        }
        else if (ins.Count > 1)
        {
            terms.Add(new AnyOfFilter(ins));
        }

        return terms.Count == 0 ? LogFilter.All : new AllOfFilter(terms);
    }

    /// <summary>"3 rules, 1 off · level >= WARNING · 2 replicas hidden"; empty when nothing is filtered.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        if (Rules.Count > 0)
        {
            var off = Rules.Count(rule => !rule.Enabled);
            var invalid = Rules.Count(rule => rule.Enabled && rule.Pattern.Filter is null);
            var text = Rules.Count == 1 ? "1 rule" : $"{Rules.Count} rules";
            if (off > 0)
            {
                text += $", {off} off";
            }

            if (invalid > 0)
            {
                text += $", {invalid} invalid";
            }

            parts.Add(text);
        }

        if (MinimumLevel != LogLevel.None)
        {
            parts.Add($"level >= {MinimumLevel.ToApi()}");
        }

        if (IsolatedReplica is { } isolated)
        {
            parts.Add($"only replica {isolated}");
        }
        else if (HiddenReplicas.Count > 0)
        {
            parts.Add(HiddenReplicas.Count == 1 ? "1 replica hidden" : $"{HiddenReplicas.Count} replicas hidden");
        }

        if (RequestId is { } requestId)
        {
            parts.Add($"request {requestId}");
        }

        if (FromNanos is not null || ToNanos is not null)
        {
            parts.Add("time range");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>
    /// The command line's filters as rules, so the panel shows exactly what is applied: each <c>--include</c> an in-rule
    /// and each <c>--exclude</c> an out-rule on literal text, <c>--grep</c> an in-rule regex, and the level, replica and
    /// request id as they are. Rules follow smartcase, and in-rules need only one to match (the API's includes need all).
    /// </summary>
    public static RuleSet FromQuery(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rules = query.Includes.Where(text => text.Length > 0).Select(text => new FilterRule(RuleKind.In, RulePattern.Literal(text)))
            .Concat(query.SearchPattern is { } grep ? [new FilterRule(RuleKind.In, RulePattern.Regex(grep))] : [])
            .Concat(query.Excludes.Where(text => text.Length > 0).Select(text => new FilterRule(RuleKind.Out, RulePattern.Literal(text))));
        return Empty with
        {
            Rules = [.. rules],
            MinimumLevel = query.MinLevel ?? LogLevel.None,
            IsolatedReplica = query.Replica,
            RequestId = query.RequestId,
        };
    }

    public RuleSet Add(FilterRule rule) => this with { Rules = Rules.Add(rule) };

    /// <summary>Turns rule <paramref name="index"/> on or off; an index out of range changes nothing.</summary>
    public RuleSet Toggle(int index) => InRange(index) ? this with { Rules = Rules.SetItem(index, Rules[index] with { Enabled = !Rules[index].Enabled }) } : this;

    public RuleSet SetEnabled(int index, bool enabled) => InRange(index) ? this with { Rules = Rules.SetItem(index, Rules[index] with { Enabled = enabled }) } : this;

    public RuleSet Replace(int index, FilterRule rule) => InRange(index) ? this with { Rules = Rules.SetItem(index, rule) } : this;

    public RuleSet Delete(int index) => InRange(index) ? this with { Rules = Rules.RemoveAt(index) } : this;

    /// <summary>Moves rule <paramref name="index"/> by <paramref name="delta"/> places, stopping at either end.</summary>
    public RuleSet Move(int index, int delta)
    {
        if (!InRange(index))
        {
            return this;
        }

        var target = Math.Clamp(index + delta, 0, Rules.Count - 1);
        var rule = Rules[index];
        return this with { Rules = Rules.RemoveAt(index).Insert(target, rule) };
    }

    public RuleSet HideReplica(string replica) => this with { HiddenReplicas = HiddenReplicas.Add(replica) };

    public RuleSet ShowReplica(string replica) => this with
    {
        HiddenReplicas = HiddenReplicas.Remove(replica),
        IsolatedReplica = IsolatedReplica is { } isolated && isolated != replica ? isolated : null,
    };

    public bool InRange(int index) => index >= 0 && index < Rules.Count;

    public bool Equals(RuleSet? other) =>
        other is not null && Rules.SequenceEqual(other.Rules) && MinimumLevel == other.MinimumLevel
        && HiddenReplicas.SetEquals(other.HiddenReplicas) && IsolatedReplica == other.IsolatedReplica
        && RequestId == other.RequestId && FromNanos == other.FromNanos && ToNanos == other.ToNanos;

    public override int GetHashCode() => HashCode.Combine(Rules.Count, MinimumLevel, HiddenReplicas.Count, IsolatedReplica, RequestId);
}
