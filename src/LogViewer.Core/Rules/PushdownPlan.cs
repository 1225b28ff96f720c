using LogViewer.Core.Api;

namespace LogViewer.Core.Rules;

/// <summary>
/// What of a <see cref="RuleSet"/> the API can apply: the query filters to send, per rule (in panel order) whether it
/// was sent, and notes for what always stays local. The server's answer is a superset of what the rules show;
/// the rules are applied locally on top, so pushdown only ever saves pages, never changes what is shown.
/// </summary>
public sealed record PushdownPlan(LogQuery Filters, IReadOnlyList<RulePushdown> Rules, IReadOnlyList<string> LocalOnly)
{
    /// <summary>"sent: includes 1, excludes 2, min_level" for the status line.</summary>
    public string Describe()
    {
        var sent = new List<string>();
        if (Filters.Includes.Count > 0)
        {
            sent.Add($"includes {Filters.Includes.Count}");
        }

        if (Filters.Excludes.Count > 0)
        {
            sent.Add($"excludes {Filters.Excludes.Count}");
        }

        if (Filters.SearchPattern is not null)
        {
            sent.Add("search_pattern");
        }

        if (Filters.MinLevel is not null)
        {
            sent.Add("min_level");
        }

        if (Filters.Replica is not null)
        {
            sent.Add("replica");
        }

        if (Filters.RequestId is not null)
        {
            sent.Add("request_id");
        }

        return sent.Count == 0 ? "no filter sent to the server" : "sent to the server: " + string.Join(", ", sent);
    }
}
