using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Rules;

/// <summary>
/// Maps a <see cref="RuleSet"/> onto the log endpoints' filters, exactly or not at all, within the API's limits
/// (8 includes, 8 excludes, 256 characters). For deployments: an out-rule on case-sensitive text becomes an
/// <c>excludes</c> term; a single in-rule on case-sensitive text becomes <c>includes</c> (the API's includes must
/// all match, in-rules need only one, so two or more in-rules go as one <c>search_pattern</c> alternation, with
/// <c>(?i:...)</c> for smartcase rules); the level becomes <c>min_level</c>, a single shown replica <c>replica</c>,
/// the request id <c>request_id</c>. Out-rules that ignore case or are regexes, hidden replicas and the time range
/// stay local. Training jobs accept only <c>min_level</c>.
/// </summary>
public static class ServerPushdown
{
    public static PushdownPlan Plan(RuleSet rules, LogTarget target)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(target);
        var query = new LogQuery { MinLevel = rules.MinimumLevel == LogLevel.None ? null : rules.MinimumLevel };
        var local = new List<string>();
        var routes = new RulePushdown?[rules.Rules.Count];
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            var rule = rules.Rules[i];
            if (!rule.Enabled)
            {
                routes[i] = new RulePushdown(false, "off");
            }
            else if (rule.Pattern.Filter is null)
            {
                routes[i] = new RulePushdown(false, "invalid");
            }
        }

        if (target is TrainingJobTarget)
        {
            for (var i = 0; i < routes.Length; i++)
            {
                routes[i] ??= new RulePushdown(false, "local: the training job API filters only by level");
            }

            AddLocal(local, rules);
            return new PushdownPlan(query, routes!, local);
        }

        var excludes = new List<string>();
        for (var i = 0; i < rules.Rules.Count; i++)
        {
            var rule = rules.Rules[i];
            if (routes[i] is not null || rule.Kind != RuleKind.Out)
            {
                continue;
            }

            routes[i] = rule.Pattern switch
            {
                { IsRegex: true } => new RulePushdown(false, "local: the API has no negative pattern"),
                { CaseSensitive: false } => new RulePushdown(false, "local: ignores case; the API's excludes match case"),
                { Text.Length: > LogQuery.MaxTextLength } => new RulePushdown(false, $"local: longer than {LogQuery.MaxTextLength} characters"),
                _ when excludes.Count >= LogQuery.MaxFilterTerms => new RulePushdown(false, $"local: the API takes at most {LogQuery.MaxFilterTerms} excludes"),
                _ => null,
            };
            if (routes[i] is null)
            {
                excludes.Add(rule.Pattern.Text);
                routes[i] = new RulePushdown(true, "server: excludes");
            }
        }

        query = query with { Excludes = excludes };
        var ins = Enumerable.Range(0, rules.Rules.Count).Where(i => routes[i] is null && rules.Rules[i].Kind == RuleKind.In).ToList();
        if (ins is [var single] && rules.Rules[single].Pattern is { IsRegex: false, CaseSensitive: true } literal && literal.Text.Length <= LogQuery.MaxTextLength)
        {
            query = query with { Includes = [literal.Text] };
            routes[single] = new RulePushdown(true, "server: includes");
        }
        else if (ins.Count > 0)
        {
            var pattern = string.Join("|", ins.Select(i => AsRe2(rules.Rules[i].Pattern)));
            var sent = pattern.Length <= LogQuery.MaxTextLength;
            if (sent)
            {
                query = query with { SearchPattern = pattern };
            }

            foreach (var i in ins)
            {
                routes[i] = sent
                    ? new RulePushdown(true, "server: search_pattern")
                    : new RulePushdown(false, $"local: the in-rules together exceed the API's {LogQuery.MaxTextLength}-character pattern");
            }
        }

        if (rules.IsolatedReplica is { } replica && replica.Length <= LogQuery.MaxTextLength)
        {
            query = query with { Replica = replica };
        }

        if (rules.RequestId is { } requestId && requestId.Length <= LogQuery.MaxTextLength)
        {
            query = query with { RequestId = requestId };
        }

        AddLocal(local, rules, query);
        return new PushdownPlan(query, routes!, local);
    }

    private static void AddLocal(List<string> local, RuleSet rules, LogQuery? sent = null)
    {
        if (rules.IsolatedReplica is not null && sent?.Replica is null)
        {
            local.Add("replica (local)");
        }
        else if (rules.IsolatedReplica is null && rules.HiddenReplicas.Count > 0)
        {
            local.Add("hidden replicas (local: the API takes only one replica to show)");
        }

        if (rules.RequestId is not null && sent?.RequestId is null)
        {
            local.Add("request id (local)");
        }

        if (rules.FromNanos is not null || rules.ToNanos is not null)
        {
            local.Add("time range (local)");
        }
    }

    // A smartcase rule that ignores case says so inside its own group, so one alternation can mix both kinds.
    private static string AsRe2(RulePattern pattern)
    {
        var body = pattern.IsRegex ? pattern.Text : Re2Text.Escape(pattern.Text);
        return pattern.CaseSensitive ? $"(?:{body})" : $"(?i:{body})";
    }
}
