using LogViewer.Core.Model;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Trace;

/// <summary><c>r</c>: opens the request trace of the selected entry (or of the entry in the detail pane).</summary>
internal sealed record OpenTrace : ViewerAction;

/// <summary>Esc, q or <c>r</c> in the trace.</summary>
internal sealed record CloseTrace : ViewerAction;

/// <summary>
/// The result of <see cref="FetchRequestTrace"/>: the request's lines known so far, oldest first. <paramref name="Final"/>
/// is false for the held lines, sent at once while the server is still asked, and true for the merged answer.
/// </summary>
internal sealed record TraceLoaded(string RequestId, IReadOnlyList<LogEntry> Lines, bool Final, string Note, bool Failed = false) : ViewerAction;

/// <summary>The trace view shows this many lines at once.</summary>
internal sealed record TraceMeasured(int VisibleRows) : ViewerAction;
