using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Filtering;

/// <summary>Builds a <see cref="LogFilter"/> from the command line's filter options.</summary>
public static class FilterBuilder
{
    /// <summary>
    /// The local equivalent of the API's filters: <c>min_level</c>, <c>replica</c>, <c>request_id</c>,
    /// <c>includes</c> (all must appear), <c>excludes</c> (none may appear) and <c>search_pattern</c> (a regex).
    /// Text terms are case-sensitive as in the API unless <paramref name="ignoreCase"/>.
    /// </summary>
    public static FilterResult FromQuery(LogQuery query, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Build(query.MinLevel, query.Replica is null ? [] : [query.Replica], query.RequestId,
            query.Includes, query.Excludes, query.SearchPattern, ignoreCase);
    }

    /// <summary>Like <see cref="FromQuery"/>, with any number of replicas (lines of any of them are kept).</summary>
    public static FilterResult Build(
        LogLevel? minLevel,
        IReadOnlyCollection<string> replicas,
        string? requestId,
        IEnumerable<string> includes,
        IEnumerable<string> excludes,
        string? pattern,
        bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        ArgumentNullException.ThrowIfNull(includes);
        ArgumentNullException.ThrowIfNull(excludes);
        var terms = new List<LogFilter>();
        if (minLevel is { } level)
        {
            if (level == LogLevel.None)
            {
                return new FilterResult(null, "the minimum level must be DEBUG, INFO, WARNING or ERROR.");
            }

            terms.Add(new MinLevelFilter(level));
        }

        if (replicas.Count > 0)
        {
            terms.Add(new ReplicaFilter(replicas));
        }

        if (requestId is not null)
        {
            terms.Add(new RequestIdFilter(requestId));
        }

        terms.AddRange(includes.Where(text => text.Length > 0).Select(text => new TextFilter(text, ignoreCase)));
        terms.AddRange(excludes.Where(text => text.Length > 0).Select(text => new NotFilter(new TextFilter(text, ignoreCase))));
        if (pattern is not null)
        {
            if (!RegexFilter.TryCreate(pattern, ignoreCase, out var regex, out var error))
            {
                return new FilterResult(null, error);
            }

            terms.Add(regex!);
        }

        return new FilterResult(terms.Count == 0 ? LogFilter.All : new AllOfFilter(terms), null);
    }
}
