using LogViewer.Tui.State;

namespace LogViewer.Tui.Entries;

/// <summary>The fold keys' cases: <c>o</c> flips the selected entry, <c>O</c> all of them.</summary>
internal static class FoldReducer
{
    public static ViewerState? Update(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        return action switch
        {
            ToggleFold => Toggle(state),
            ToggleFoldAll => state with
            {
                Folding = state.Folding.FlipAll(),
                Notice = state.Folding.AllCollapsed ? "every entry expanded (O collapses them)" : "grouped entries collapsed (O expands, o one entry)",
            },
            _ => null,
        };
    }

    private static ViewerState Toggle(ViewerState state)
    {
        var rows = state.Rows;
        var selected = state.Following ? rows.Count - 1 : state.SelectedRow;
        var entry = EntryGroups.EntryAt(rows, selected);
        if (entry.Count < 2)
        {
            return state with { Notice = "not a grouped entry: o folds a traceback or a continued message" };
        }

        var head = RowKey.Of(rows.At(entry[0])!.Value);
        var folding = state.Folding.Flip(head);
        return state with { Folding = folding, Notice = folding.IsCollapsed(head) ? $"collapsed, {FoldedRows.HiddenLines(rows, entry)} lines hidden (o expands)" : "expanded (o collapses)" };
    }
}
