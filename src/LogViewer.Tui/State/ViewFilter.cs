using LogViewer.Core.Filtering;
using LogViewer.Core.Rules;

namespace LogViewer.Tui.State;

/// <summary>
/// The store filter a <see cref="ViewerState"/> asks for: its rules (with the level, replicas and request id), plus
/// the quick filter as a temporary in-rule in narrow mode until Enter keeps it as a real rule.
/// </summary>
internal static class ViewFilter
{
    public static LogFilter From(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var temporary = state is { FilterMode: FilterMode.Narrow, QuickFilterKept: false, Matcher.Pattern: { } pattern }
            ? new FilterRule(RuleKind.In, pattern)
            : null;
        return state.Rules.ToFilter(temporary);
    }
}
