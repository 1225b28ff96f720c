using LogViewer.Tui.State;

namespace LogViewer.Tui.Entries;

/// <summary><c>o</c>: collapses the selected grouped entry to its first line and its exception line, or expands it.</summary>
internal sealed record ToggleFold : ViewerAction;

/// <summary><c>O</c>: collapses every grouped entry, or expands them all.</summary>
internal sealed record ToggleFoldAll : ViewerAction;
