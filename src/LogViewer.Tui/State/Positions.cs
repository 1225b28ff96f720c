namespace LogViewer.Tui.State;

/// <summary>
/// The selection and the pane's first row, pinned to the entries they show (<see cref="ViewerState.SelectedKey"/>,
/// <see cref="ViewerState.TopKey"/>): the moves the root reducer shares with the features (a jump to an alert's line).
/// </summary>
internal static class Positions
{
    /// <summary>Selects <paramref name="row"/> and scrolls so it is the pane's first row (jumps show what follows).</summary>
    public static ViewerState PlaceAtTop(ViewerState state, IRowSource rows, int row)
    {
        var paused = state.Following ? Pause(state) : state;
        var selected = Math.Clamp(row, 0, Math.Max(0, rows.Count - 1));
        return Pin(paused, rows, selected, selected);
    }

    /// <summary>Stops following; what arrives from now on is counted as "N new".</summary>
    public static ViewerState Pause(ViewerState state) => state with
    {
        Following = false,
        NewWhilePaused = 0,
        PausedAfterNanos = state.Rows.At(state.Rows.Count - 1)?.TimestampNanos ?? long.MinValue,
    };

    /// <summary>The rows, the positions, and the keys that hold them on their entries when rows arrive or go.</summary>
    public static ViewerState Pin(ViewerState state, IRowSource rows, int selected, int top) => state with
    {
        Rows = rows,
        SelectedRow = selected,
        TopRow = top,
        SelectedKey = rows.At(selected) is { } s ? RowKey.Of(s) : null,
        TopKey = rows.At(top) is { } t ? RowKey.Of(t) : null,
    };
}
