using LogViewer.Core.Watching;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Watching;

/// <summary>Write the terminal title (OSC 2).</summary>
internal sealed record SetTerminalTitle(string Text) : ViewerEffect;

/// <summary>Ring the bell and send a desktop notification.</summary>
internal sealed record SendNotification(string Title, string Body) : ViewerEffect;

/// <summary>The error-surge rule saw a replica's errors jump (<c>--notify errors</c>).</summary>
internal sealed record ErrorSurgeSeen(ErrorSurge Surge) : ViewerAction;
