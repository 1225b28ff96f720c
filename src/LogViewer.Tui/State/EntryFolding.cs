using System.Collections.Immutable;

namespace LogViewer.Tui.State;

/// <summary>
/// Which grouped entries are collapsed in the pane: <c>O</c> sets the default for all of them and <c>o</c> flips one
/// entry against that default, named by the key of its first line, so a fold stays on its entry across re-filters
/// and late lines. A flip is dropped when <c>O</c> changes the default, so <c>O</c> always leaves every entry alike.
/// </summary>
internal sealed record EntryFolding(bool AllCollapsed, ImmutableHashSet<RowKey> Flipped)
{
    public static EntryFolding None { get; } = new(false, []);

    /// <summary>True when nothing is collapsed: the pane then draws every row without asking.</summary>
    public bool IsEmpty => !AllCollapsed && Flipped.IsEmpty;

    public bool IsCollapsed(RowKey head) => AllCollapsed != Flipped.Contains(head);

    public EntryFolding Flip(RowKey head)
    {
        var removed = Flipped.Remove(head);
        return this with { Flipped = ReferenceEquals(removed, Flipped) ? Flipped.Add(head) : removed };
    }

    public EntryFolding FlipAll() => new(!AllCollapsed, []);
}
