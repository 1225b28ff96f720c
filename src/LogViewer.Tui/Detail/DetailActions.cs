using LogViewer.Tui.State;

namespace LogViewer.Tui.Detail;

/// <summary>Enter: opens the detail pane on the selected entry, or closes it.</summary>
internal sealed record ToggleDetail : ViewerAction;

/// <summary>Esc or q in the detail pane.</summary>
internal sealed record CloseDetail : ViewerAction;

/// <summary>The pane laid the entry out in this many text rows, and shows this many at once (on open and on resize).</summary>
internal sealed record DetailMeasured(int TextRows, int VisibleRows) : ViewerAction;
