using System.Collections.Immutable;
using LogViewer.Core.Model;

namespace LogViewer.Tui.State;

/// <summary>
/// The request trace's slice of the state (<c>r</c>): the request, its lines in time order as far as they are known
/// (the held ones at once, the server's when they arrive), how far the view is scrolled, and what the last fetch said.
/// The log pane's own positions are untouched while it is open, so closing it returns exactly where the user was.
/// </summary>
internal sealed record TraceState
{
    public static TraceState Closed { get; } = new();

    public bool Open { get; init; }

    public string RequestId { get; init; } = string.Empty;

    public ImmutableArray<LogEntry> Lines { get; init; } = [];

    /// <summary>The server is still being asked for the request's lines.</summary>
    public bool Loading { get; init; }

    /// <summary>Where the lines came from, or why the server could not be asked ("3 held, 5 more from the server").</summary>
    public string? Note { get; init; }

    /// <summary>The note reports a failure.</summary>
    public bool NoteIsError { get; init; }

    /// <summary>First line shown.</summary>
    public int Scroll { get; init; }

    /// <summary>Lines the view shows at once (it reports them), so scrolling stops at the end.</summary>
    public int VisibleRows { get; init; } = 1;
}
