using LogViewer.Tui.State;

namespace LogViewer.Tui.Copy;

/// <summary><c>c</c> or <c>:copy</c>: the marked entries, else the selected one, to the system clipboard.</summary>
internal sealed record CopySelection : ViewerAction;

/// <summary><c>:copy-format</c>.</summary>
internal sealed record SetCopyFormat(CopyFormat Format) : ViewerAction;

/// <summary>Put <paramref name="Text"/> on the clipboard (an OSC 52 sequence to the terminal).</summary>
internal sealed record CopyToClipboard(string Text) : ViewerEffect;
