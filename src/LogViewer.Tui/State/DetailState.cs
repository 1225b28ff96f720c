using System.Collections.Immutable;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Tui.State;

/// <summary>
/// The detail pane's slice of the state: the entry it shows (every line, taken when it opened, so arriving lines
/// never change it), its level, and how far it is scrolled. Closing it leaves the selection as it was.
/// </summary>
internal sealed record DetailState
{
    public static DetailState Closed { get; } = new();

    public bool Open { get; init; }

    /// <summary>The entry's lines, in order.</summary>
    public ImmutableArray<LogRow> Lines { get; init; } = [];

    /// <summary>The entry's level: the highest of its lines, an error for a traceback.</summary>
    public LogLevel Level { get; init; }

    /// <summary>First text row shown.</summary>
    public int Scroll { get; init; }

    /// <summary>Text rows the pane laid the entry out in (it reports them), so scrolling stops at the end.</summary>
    public int TextRows { get; init; }

    /// <summary>Text rows the pane shows at once.</summary>
    public int VisibleRows { get; init; } = 1;
}
