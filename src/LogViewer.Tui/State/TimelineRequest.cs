namespace LogViewer.Tui.State;

/// <summary>What a timeline count is of: the rows the pane shows, the buckets that fit, and the zone offset they align to.</summary>
/// <param name="Rows">The filtered rows (compared by reference: a new snapshot is a new count).</param>
/// <param name="Columns">Buckets at most.</param>
/// <param name="Offset">The offset from UTC of the zone times are shown in.</param>
internal sealed record TimelineRequest(IRowSource Rows, int Columns, TimeSpan Offset);
