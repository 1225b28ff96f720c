using LogViewer.Tui.State;

namespace LogViewer.Tui.Watching;

/// <summary>Write the terminal title (OSC 2).</summary>
internal sealed record SetTerminalTitle(string Text) : ViewerEffect;

/// <summary>Ring the bell and send a desktop notification.</summary>
internal sealed record SendNotification(string Title, string Body) : ViewerEffect;
