using System.Collections.Immutable;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Tail;
using LogViewer.Tui.Matching;

namespace LogViewer.Tui.State;

/// <summary>
/// Everything the viewer shows, as one value (the Elm/Bubble Tea model): views draw it, keys and data arrivals
/// become <see cref="ViewerAction"/> messages, and <see cref="Viewer.ViewerReducer.Update"/> computes the next value
/// and the effects it asks for.
/// Row positions index <see cref="Rows"/>; <see cref="TopKey"/> and <see cref="SelectedKey"/> pin them to
/// entries so that late lines inserted above the viewport never move what the user reads.
/// Each feature's slice (<see cref="AlertState"/>, <see cref="DetailState"/>...) is declared here with the value that
/// holds it, so the folders run one way: the feature folders (messages, reducer cases, views) read this folder, and
/// <c>Viewer/</c> (the root reducer and key table, which compose the features) sits above them.
/// </summary>
internal sealed record ViewerState
{
    /// <summary>The filtered rows as of the last <see cref="DataChanged"/>: an immutable snapshot.</summary>
    public IRowSource Rows { get; init; } = EmptyRows.Instance;

    public int SelectedRow { get; init; }

    public int TopRow { get; init; }

    /// <summary>The entry at <see cref="TopRow"/>: what keeps the view still when lines arrive above it.</summary>
    public RowKey? TopKey { get; init; }

    public RowKey? SelectedKey { get; init; }

    /// <summary>Rows of log the pane can show (the pane's height).</summary>
    public int PageHeight { get; init; } = 20;

    public bool Following { get; init; } = true;

    /// <summary>Shown entries newer than the last one shown when the user paused ("N new"): hidden lines do not count.</summary>
    public long NewWhilePaused { get; init; }

    /// <summary>The timestamp of the last shown entry when following paused; <c>null</c> while following.</summary>
    public long? PausedAfterNanos { get; init; }

    public long TotalIngested => Figures.TotalIngested;

    /// <summary>Counters as of the last <see cref="DataChanged"/>.</summary>
    public LogFigures Figures { get; init; } = LogFigures.Empty;

    /// <summary>First message column drawn (horizontal scrolling; 0 when not scrolled).</summary>
    public int HorizontalOffset { get; init; }

    public bool Wrap { get; init; }

    public TimeFormat TimeFormat { get; init; } = TimeFormat.LocalTime;

    public string FilterText { get; init; } = string.Empty;

    /// <summary><see cref="FilterText"/> parsed; matches everything while the text is invalid.</summary>
    public TextMatcher Matcher { get; init; } = TextMatcher.All;

    public bool EditingFilter { get; init; }

    /// <summary>True once Enter kept the quick filter as a rule: its text then only highlights (the rule narrows).</summary>
    public bool QuickFilterKept { get; init; }

    public FilterMode FilterMode { get; init; } = FilterMode.Narrow;

    /// <summary>Why the filter text is not usable (an invalid regular expression), shown in place.</summary>
    public string? FilterError { get; init; }

    /// <summary>The filter rules, level, replica selection and request id: everything that decides what is shown.</summary>
    public RuleSet Rules { get; init; } = RuleSet.Empty;

    /// <summary>The rule panel (Tab): open or not, its cursor, a rule being typed, the rules' match counts.</summary>
    public RulePanelState Panel { get; init; } = RulePanelState.Closed;

    /// <summary>
    /// Where the held range began when a server search brought older lines: rows before this time are only the
    /// search's matches, so the pane draws a gap row between them and the loaded range. <c>null</c> without one.
    /// </summary>
    public long? SearchGapNanos { get; init; }

    /// <summary>Scrolling back past the oldest loaded line: reads on demand, and the live end's cut.</summary>
    public OlderLinesState Older { get; init; } = OlderLinesState.Unavailable;

    /// <summary>What is shown (for the server search's pushdown); <c>null</c> for a replayed file.</summary>
    public LogTarget? Target { get; init; }

    /// <summary>Lowest level shown; <see cref="LogLevel.None"/> shows every line, including lines without a level.</summary>
    public LogLevel MinimumLevel => Rules.MinimumLevel;

    /// <summary>Every replica seen, in sidebar order (first seen first).</summary>
    public ImmutableArray<string> Replicas { get; init; } = [];

    public ImmutableSortedSet<string> HiddenReplicas => Rules.HiddenReplicas;

    /// <summary>When set, only this replica is shown (hidden replicas are ignored meanwhile).</summary>
    public string? IsolatedReplica => Rules.IsolatedReplica;

    /// <summary>Sidebar cursor: 0 is the "all" row, 1..n the replicas.</summary>
    public int SidebarCursor { get; init; }

    public bool SidebarVisible { get; init; } = true;

    public bool HelpVisible { get; init; }

    /// <summary>The viewer reads the mouse (wheel, clicks); off, the terminal's own selection works.</summary>
    public bool MouseEnabled { get; init; } = true;

    /// <summary>First help line shown when the help does not fit the screen.</summary>
    public int HelpScroll { get; init; }

    /// <summary>The clock, advanced by <see cref="ClockTick"/>: relative times and the poll age are drawn from it.</summary>
    public DateTimeOffset Now { get; init; }

    public TailStatus? TailStatus { get; init; }

    /// <summary>The target's own state (job status and error, deployment status), and whether polling stopped.</summary>
    public LifecycleState Lifecycle { get; init; } = LifecycleState.None;

    /// <summary>The terminal title and the notifications of lifecycle changes.</summary>
    public WatchState Watch { get; init; } = WatchState.Off;

    public string? LastWarning { get; init; }

    /// <summary>A short note for the filter line after a key ("no more errors", "copied 3 entries"); the next key clears it.</summary>
    public string? Notice { get; init; }

    /// <summary>The notice reports a failure (drawn in red).</summary>
    public bool NoticeIsError { get; init; }

    /// <summary>The <c>:</c> command prompt.</summary>
    public PromptState Prompt { get; init; } = PromptState.Closed;

    /// <summary>The zone local times are shown and typed in (<c>:goto 14:05</c>).</summary>
    public TimeZoneInfo LocalZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Marked entries (<c>m</c>), by key, so marks survive filtering, late inserts and eviction of other lines.</summary>
    public ImmutableSortedSet<RowKey> Marks { get; init; } = ImmutableSortedSet<RowKey>.Empty;

    /// <summary>Which grouped entries the pane shows collapsed (<c>o</c>, <c>O</c>).</summary>
    public EntryFolding Folding { get; init; } = EntryFolding.None;

    /// <summary>The request trace (<c>r</c>).</summary>
    public TraceState Trace { get; init; } = TraceState.Closed;

    /// <summary>SGR colours in messages are drawn as colour; false under <c>NO_COLOR</c>, where they are only removed.</summary>
    public bool MessageColours { get; init; } = true;

    /// <summary>The pane shows a short request-id column when it is wide enough (<c>I</c>).</summary>
    public bool ShowRequestIds { get; init; }

    /// <summary>Alert rules, their hits and the lines they marked, and the <c>:alerts</c> list.</summary>
    public AlertState Alerts { get; init; } = AlertState.None;

    /// <summary>The detail pane (Enter).</summary>
    public DetailState Detail { get; init; } = DetailState.Closed;

    /// <summary>The metric chart (<c>:chart KEY</c>, <c>#</c>).</summary>
    public ChartState Chart { get; init; } = ChartState.Closed;

    /// <summary>What <c>c</c> copies as (<c>:copy-format</c>).</summary>
    public CopyFormat CopyFormat { get; init; } = CopyFormat.Text;

    /// <summary>The timeline strip above the pane (<c>T</c>, <c>:timeline</c>).</summary>
    public TimelineState Timeline { get; init; } = TimelineState.Closed;

    /// <summary>True when the given replica passes the replica selection (hidden/isolated).</summary>
    public bool IsReplicaVisible(string? replica) =>
        IsolatedReplica is { } isolated
            ? string.Equals(replica, isolated, StringComparison.Ordinal)
            : replica is null || !HiddenReplicas.Contains(replica);
}
