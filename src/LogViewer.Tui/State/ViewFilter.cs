using LogViewer.Core.Filtering;
using LogViewer.Core.Model;

namespace LogViewer.Tui.State;

/// <summary>The store filter a <see cref="ViewerState"/> asks for: quick filter text (when narrowing), minimum level, replicas.</summary>
internal static class ViewFilter
{
    public static LogFilter From(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var terms = new List<LogFilter>();
        if (state.MinimumLevel != LogLevel.None)
        {
            terms.Add(new MinLevelFilter(state.MinimumLevel));
        }

        if (state.IsolatedReplica is { } isolated)
        {
            terms.Add(new ReplicaFilter([isolated]));
        }
        else if (!state.HiddenReplicas.IsEmpty)
        {
            terms.Add(new ReplicaFilter(state.HiddenReplicas.Order(StringComparer.Ordinal), hide: true));
        }

        if (state.FilterMode == FilterMode.Narrow && state.Matcher.Filter is { } text)
        {
            terms.Add(text);
        }

        return terms.Count == 0 ? LogFilter.All : new AllOfFilter(terms);
    }
}
