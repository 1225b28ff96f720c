using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary><c>:goto TIME</c>: the first entry at or after the time, at the top of the pane.</summary>
internal sealed record GoToTime(GotoTarget Target) : ViewerAction;
