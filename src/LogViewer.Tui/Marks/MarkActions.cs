using LogViewer.Tui.State;

namespace LogViewer.Tui.Marks;

/// <summary><c>m</c>: marks the selected entry, or unmarks it.</summary>
internal sealed record ToggleMark : ViewerAction;

/// <summary><c>u</c> (1) / <c>U</c> (-1): the next or previous marked entry, as in lnav.</summary>
internal sealed record JumpToMark(int Direction) : ViewerAction;
