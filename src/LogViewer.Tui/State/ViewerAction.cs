using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Tui.State;

/// <summary>
/// A message: something that happened (a key, a resize, data arriving, an effect's result).
/// <see cref="Viewer.ViewerReducer"/> applies it. A feature adds its messages as records deriving from this one, in its
/// folder, and handles them in its reducer cases; the program only runs effects and delivers messages.
/// </summary>
internal abstract record ViewerAction;

/// <summary>Moves the selection by a number of rows (negative is up).</summary>
internal sealed record MoveBy(int Rows) : ViewerAction;

/// <summary>Moves by a fraction of the page: 1 is a full page down, -0.5 half a page up.</summary>
internal sealed record MoveByPages(double Pages) : ViewerAction;

internal sealed record GoToTop : ViewerAction;

/// <summary>Jumps to the last row and follows new lines.</summary>
internal sealed record GoToBottom : ViewerAction;

internal sealed record ToggleFollow : ViewerAction;

internal sealed record ScrollHorizontally(int Columns) : ViewerAction;

internal sealed record ResetHorizontalScroll : ViewerAction;

internal sealed record ToggleWrap : ViewerAction;

internal sealed record CycleTimeFormat : ViewerAction;

internal sealed record OpenFilter : ViewerAction;

/// <summary><c>:</c> opens the command prompt (from the log and from the rule panel, so it sits with the shared messages).</summary>
internal sealed record OpenPrompt : ViewerAction;

internal sealed record FilterTextChanged(string Text) : ViewerAction;

/// <summary>Enter in the filter input: keep the filter, leave the input.</summary>
internal sealed record CommitFilter : ViewerAction;

/// <summary>Esc: clear the filter (and leave the input).</summary>
internal sealed record ClearFilter : ViewerAction;

internal sealed record ToggleFilterMode : ViewerAction;

internal sealed record CycleMinimumLevel : ViewerAction;

/// <summary>n/N: the next (1) or previous (-1) line matching the quick filter.</summary>
internal sealed record JumpToMatch(int Direction) : ViewerAction;

/// <summary>e/E, w/W: the next or previous line at exactly this level.</summary>
internal sealed record JumpToLevel(LogLevel Level, int Direction) : ViewerAction;

internal sealed record MoveSidebarCursor(int Rows) : ViewerAction;

/// <summary>Hides or shows the replica under the sidebar cursor; on the "all" row shows every replica.</summary>
internal sealed record ToggleReplica : ViewerAction;

/// <summary>Shows only the replica under the sidebar cursor, or everything again when it is already isolated.</summary>
internal sealed record IsolateReplica : ViewerAction;

internal sealed record ToggleSidebar : ViewerAction;

/// <summary><c>I</c>: the pane's short request-id column on or off.</summary>
internal sealed record ToggleRequestIds : ViewerAction;

internal sealed record ToggleHelp : ViewerAction;

/// <summary><c>:help</c>: opens the help overlay.</summary>
internal sealed record ShowHelp : ViewerAction;

/// <summary>Mouse reporting on or off (off: the terminal's own text selection works).</summary>
internal sealed record ToggleMouse : ViewerAction;

/// <summary>Esc outside the filter input: closes help, else clears the filter.</summary>
internal sealed record Escape : ViewerAction;

/// <summary>q or Ctrl+C: the reducer answers with the <see cref="Quit"/> effect.</summary>
internal sealed record RequestQuit : ViewerAction;

/// <summary>Ctrl+Z: the reducer answers with the <see cref="SuspendToShell"/> effect.</summary>
internal sealed record RequestSuspend : ViewerAction;

/// <summary>The log pane's height changed.</summary>
internal sealed record Resized(int PageHeight) : ViewerAction;

/// <summary>
/// The filtered view published a newer snapshot (lines arrived, were evicted, or a re-filter finished), at most a
/// few times a second. The reducer asks for <see cref="ReadView"/>, whose result is <see cref="DataChanged"/>.
/// </summary>
internal sealed record ViewChanged : ViewerAction;

/// <summary>
/// The result of <see cref="ReadView"/>: the view's latest snapshot and its figures. Positions are re-pinned to
/// the entries they showed.
/// </summary>
internal sealed record DataChanged(IRowSource Rows, LogFigures Figures) : ViewerAction
{
    /// <summary>When the figures were measured; advances the state's clock when set.</summary>
    public DateTimeOffset? Now { get; init; }
}

internal sealed record TailStatusChanged(TailStatus Status) : ViewerAction;

internal sealed record TailWarningReceived(TailWarning Warning) : ViewerAction;

/// <summary>About once a second: relative times and ages move on, and rates are measured again.</summary>
internal sealed record ClockTick(DateTimeOffset Now) : ViewerAction;
