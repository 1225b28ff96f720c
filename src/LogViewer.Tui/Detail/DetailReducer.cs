using LogViewer.Tui.Entries;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Detail;

/// <summary>The detail pane's cases: open on the selected entry, scroll with the movement keys, close.</summary>
internal static class DetailReducer
{
    /// <summary>Far enough to reach the end of any message (the pane clamps it).</summary>
    private const int End = int.MaxValue / 2;

    public static ViewerState? Update(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        var detail = state.Detail;
        if (!detail.Open)
        {
            return action is ToggleDetail ? Open(state) : null;
        }

        var page = Math.Max(1, detail.VisibleRows - 1);
        int? scroll = action switch
        {
            MoveBy move => detail.Scroll + move.Rows,
            MoveByPages pages => detail.Scroll + (int)Math.Round(pages.Pages * page, MidpointRounding.AwayFromZero),
            GoToTop => 0,
            GoToBottom => End,
            _ => null,
        };
        if (scroll is { } rows)
        {
            // Clamped to what the pane laid out, so G then k moves at once.
            var last = Math.Max(0, detail.TextRows - detail.VisibleRows);
            return state with { Detail = detail with { Scroll = Math.Clamp(rows, 0, last) } };
        }

        if (action is DetailMeasured measured)
        {
            var visible = Math.Max(1, measured.VisibleRows);
            return state with { Detail = detail with { TextRows = measured.TextRows, VisibleRows = visible, Scroll = Math.Min(detail.Scroll, Math.Max(0, measured.TextRows - visible)) } };
        }

        return action is ToggleDetail or CloseDetail or Escape ? state with { Detail = DetailState.Closed } : null;
    }

    private static ViewerState Open(ViewerState state)
    {
        var rows = state.Rows;
        var selected = state.Following ? rows.Count - 1 : state.SelectedRow;
        var entry = EntryGroups.EntryAt(rows, selected);
        if (entry.Count == 0)
        {
            return state with { Notice = "no entry selected" };
        }

        return state with
        {
            Detail = new DetailState
            {
                Open = true,
                Lines = [.. entry.Select(r => rows.At(r)!.Value)],
                Level = EntryGroups.LevelOf(rows, entry),
            },
            HelpVisible = false,
        };
    }
}
