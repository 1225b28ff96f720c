using System.Collections.Immutable;
using System.Globalization;
using LogViewer.Core.Metrics;
using LogViewer.Tui.Entries;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Charts;

/// <summary>
/// The chart's cases: <c>:chart KEY</c> and <c>#</c> open it and ask for the key's series, every arrival of data asks
/// again (so it updates live), and the answer replaces the series or, for a key no line carries, closes it with the
/// keys that exist. While open, Esc and q close it, <c>#</c> cycles the entry's keys, the prompt, help, quit and the
/// replica keys (hidden replicas leave the chart) work, and other keys are ignored rather than moving the log behind it.
/// </summary>
internal static class ChartReducer
{
    /// <summary>Keys named in a notice at most.</summary>
    private const int KeysListed = 12;

    public static ViewerUpdate? Update(ViewerState state, ViewerAction action, Func<ViewerAction, bool> isKey)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(isKey);
        var chart = state.Chart;
        switch (action)
        {
            case OpenChart open:
                return Open(state, open.Key, []);
            case ListChartKeys:
                return new ViewerUpdate(state, [new ReadMetrics(null)]);
            case ChartEntryNumber:
                return FromEntry(state);
            case MetricsRead read:
                return Read(state, read);
            case CloseChart:
                return state with { Chart = ChartState.Closed };
        }

        if (!chart.Open)
        {
            return null;
        }

        ViewerState? next = action switch
        {
            Escape when state.HelpVisible => null, // Esc closes the help over the chart first
            Escape => state with { Chart = ChartState.Closed },
            _ when PassesThrough(action) => null,
            _ when isKey(action) => state,
            _ => null,
        };
        return next is { } changed ? new ViewerUpdate(changed, []) : (ViewerUpdate?)null;
    }

    /// <summary>After data arrived: an open chart reads its key again (the index answers with the same value when nothing changed).</summary>
    public static ViewerUpdate Refresh(ViewerUpdate update) =>
        update.State.Chart.Open ? update.With(new ReadMetrics(update.State.Chart.Key)) : update;

    /// <summary>Keys that keep working over the chart: the prompt, help, quit, and the replica and sidebar keys.</summary>
    private static bool PassesThrough(ViewerAction action) =>
        action is OpenPrompt or ToggleHelp or ShowHelp or RequestQuit or RequestSuspend or ToggleMouse or CycleTimeFormat
            or MoveSidebarCursor or ToggleReplica or IsolateReplica or ToggleSidebar;

    private static ViewerUpdate Open(ViewerState state, string key, ImmutableArray<string> entryKeys) =>
        new(
            state with
            {
                Chart = state.Chart.Open && state.Chart.Key == key
                    ? state.Chart with { EntryKeys = entryKeys }
                    : new ChartState { Open = true, Key = key, EntryKeys = entryKeys, Previous = state.Chart.Open ? state.Chart with { Previous = null } : null },
                HelpVisible = false,
            },
            [new ReadMetrics(key)]);

    private static ViewerUpdate FromEntry(ViewerState state)
    {
        var chart = state.Chart;
        if (chart.Open && !chart.EntryKeys.IsDefaultOrEmpty)
        {
            var at = chart.EntryKeys.IndexOf(chart.Key);
            var next = chart.EntryKeys[(at + 1) % chart.EntryKeys.Length];
            return Open(WithNotice(state, next, chart.EntryKeys), next, chart.EntryKeys);
        }

        var lines = state.Detail.Open ? [.. state.Detail.Lines]
            : EntryGroups.LinesOf(state.Rows, state.Following ? state.Rows.Count - 1 : state.SelectedRow);
        if (lines.Count == 0)
        {
            return state with { Notice = "no entry selected" };
        }

        var keys = lines.SelectMany(line => MetricScanner.Read(line.Message)).Select(r => r.Key).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (keys.IsEmpty)
        {
            return state with { Notice = "this entry has no number to chart (# reads key=value, key: value and tqdm's it/s)", NoticeIsError = true };
        }

        return Open(WithNotice(state, keys[0], keys), keys[0], keys);
    }

    private static ViewerState WithNotice(ViewerState state, string key, ImmutableArray<string> keys) =>
        keys.Length > 1 ? state with { Notice = $"charting {key} ({keys.IndexOf(key) + 1} of {keys.Length}: # charts {keys[(keys.IndexOf(key) + 1) % keys.Length]})" } : state;

    private static ViewerState Read(ViewerState state, MetricsRead read)
    {
        if (read.Asked is null)
        {
            return state with { Notice = read.Keys.Count == 0 ? NoKeys : $"{read.Keys.Count} metric key{(read.Keys.Count == 1 ? string.Empty : "s")} (:chart KEY): {Listed(read.Keys, counts: true)}" };
        }

        var chart = state.Chart;
        if (!chart.Open || !string.Equals(chart.Key, read.Asked, StringComparison.Ordinal))
        {
            return state; // closed, or another key asked for since: the answer is for nobody
        }

        if (read.Chart is not { } data)
        {
            var message = read.Keys.Count == 0 ? $"no line carries '{read.Asked}': {NoKeys}" : $"no line carries '{read.Asked}'; keys found: {Listed(read.Keys, counts: false)}";
            return state with { Chart = chart.Previous ?? ChartState.Closed, Notice = message, NoticeIsError = true };
        }

        return ReferenceEquals(chart.Data, data) && chart.Key == data.Key && chart.Previous is null
            ? state
            : state with { Chart = chart with { Key = data.Key, Data = data, Previous = null } };
    }

    private const string NoKeys = "no numbers found in the lines yet (charts read key=value, key: value and tqdm's it/s)";

    private static string Listed(IReadOnlyList<MetricKeyCount> keys, bool counts)
    {
        var named = keys.OrderByDescending(k => k.Lines).ThenBy(k => k.Key, StringComparer.Ordinal).Take(KeysListed)
            .Select(k => counts ? string.Create(CultureInfo.InvariantCulture, $"{k.Key} ({k.Lines:N0})") : k.Key);
        return string.Join(", ", named) + (keys.Count > KeysListed ? $" (+{keys.Count - KeysListed} more)" : string.Empty);
    }
}
