namespace LogViewer.Tui.Entries;

/// <summary>How the pane draws one row under <see cref="State.EntryFolding"/>.</summary>
/// <param name="Hidden">A line of a collapsed entry that is not drawn.</param>
/// <param name="HiddenLines">On the last drawn line of a collapsed entry: how many of its lines are hidden (<c>+N</c>); else 0.</param>
internal readonly record struct FoldedRow(bool Hidden, int HiddenLines)
{
    public static FoldedRow Shown { get; } = new(false, 0);
}
