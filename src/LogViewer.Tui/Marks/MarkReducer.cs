using LogViewer.Tui.State;

namespace LogViewer.Tui.Marks;

/// <summary>
/// Marks: a set of entry keys (store id and timestamp), so a mark stays on its entry whatever the filter shows,
/// when late lines are inserted before it and when other lines are evicted. Only shown entries are visited,
/// copied or drawn; a hidden marked entry is marked again when the filter shows it.
/// </summary>
internal static class MarkReducer
{
    public static ViewerState? Update(ViewerState state, ViewerAction action, Func<ViewerState, int, ViewerState> moveTo) => action switch
    {
        ToggleMark => Toggle(state),
        JumpToMark jump => Jump(state, jump.Direction, moveTo),
        _ => null,
    };

    /// <summary>The rows of the marked entries the view shows, in row order.</summary>
    public static IReadOnlyList<int> MarkedRows(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Marks.IsEmpty)
        {
            return [];
        }

        var rows = new List<int>(state.Marks.Count);
        foreach (var mark in state.Marks)
        {
            var row = state.Rows.IndexOf(mark);
            if (row >= 0)
            {
                rows.Add(row);
            }
        }

        rows.Sort();
        return rows;
    }

    private static ViewerState Toggle(ViewerState state)
    {
        if (state.Rows.At(state.SelectedRow) is not { } row)
        {
            return state with { Notice = "nothing to mark" };
        }

        var key = RowKey.Of(row);
        var marks = state.Marks.Remove(key);
        if (ReferenceEquals(marks, state.Marks))
        {
            marks = marks.Add(key);
        }

        var shown = MarkedRows(state with { Marks = marks }).Count;
        return state with { Marks = marks, Notice = $"{shown} marked (m toggles, u/U visit, c copies)" };
    }

    private static ViewerState Jump(ViewerState state, int direction, Func<ViewerState, int, ViewerState> moveTo)
    {
        var rows = MarkedRows(state);
        if (rows.Count == 0)
        {
            return state with { Notice = state.Marks.IsEmpty ? "no marks: m marks the selected entry" : "no marked entry is shown by the filter" };
        }

        var target = direction > 0 ? rows.FirstOrDefault(r => r > state.SelectedRow, -1) : rows.LastOrDefault(r => r < state.SelectedRow, -1);
        return target < 0 ? state with { Notice = direction > 0 ? "no later mark" : "no earlier mark" } : moveTo(state, target);
    }
}
