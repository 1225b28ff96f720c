using System.Collections.Immutable;
using LogViewer.Core.Model;
using LogViewer.Core.Text;
using LogViewer.Tui.Matching;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Data;

/// <summary>Which entries the pane shows: derived from <see cref="ViewerState"/>, compared to know when to re-filter.</summary>
internal sealed record RowFilter(
    TextMatcher Text,
    LogLevel MinimumLevel,
    ImmutableHashSet<string> HiddenReplicas,
    string? IsolatedReplica)
{
    public static RowFilter All { get; } = new(TextMatcher.All, LogLevel.None, [], null);

    public static RowFilter From(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = state.FilterMode == FilterMode.Narrow ? ViewerReducer.Matcher(state) : TextMatcher.All;
        return new RowFilter(text, state.MinimumLevel, state.HiddenReplicas, state.IsolatedReplica);
    }

    public bool Matches(LogEntry entry)
    {
        // An explicit minimum drops lines without a level, as the API's min_level does.
        if (MinimumLevel != LogLevel.None && entry.Level < MinimumLevel)
        {
            return false;
        }

        if (IsolatedReplica is not null)
        {
            if (!string.Equals(entry.Replica, IsolatedReplica, StringComparison.Ordinal))
            {
                return false;
            }
        }
        else if (entry.Replica is not null && HiddenReplicas.Contains(entry.Replica))
        {
            return false;
        }

        return Text.MatchesEverything || Text.IsMatch(TerminalText.Sanitize(entry.Message));
    }

    /// <summary>Same selection as <paramref name="other"/>: no re-filter needed.</summary>
    public bool SelectsSameAs(RowFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Text.Source, other.Text.Source, StringComparison.Ordinal) && MinimumLevel == other.MinimumLevel
            && HiddenReplicas.SetEquals(other.HiddenReplicas)
            && string.Equals(IsolatedReplica, other.IsolatedReplica, StringComparison.Ordinal);
    }
}
