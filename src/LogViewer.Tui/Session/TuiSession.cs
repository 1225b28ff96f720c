using LogViewer.Core.Api;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Session;

/// <summary>
/// What the TUI shows: a title (the target, e.g. "model abc / deployment def"), the tail engine's event stream
/// (subscribed to once), the store's capacity, whether times start in UTC, and an optional initial quick filter.
/// </summary>
/// <param name="Title">Shown in the status bar.</param>
/// <param name="Events">The tail engine's stream: batches, status changes and warnings.</param>
/// <param name="MaxLines">Entries kept; older ones are evicted and counted.</param>
/// <param name="Utc">Start with UTC ISO times instead of local clock times.</param>
/// <param name="InitialFilter">Quick filter text to start with, kept as an in-rule (same syntax as <c>/</c>).</param>
public sealed record TuiSession(string Title, IObservable<TailEvent> Events, int MaxLines, bool Utc, string? InitialFilter = null)
{
    /// <summary>Clock for relative times and ages; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The filters given on the command line, as rules (they are shown in the panel and can be changed there).</summary>
    public RuleSet InitialRules { get; init; } = RuleSet.Empty;

    /// <summary>The deployment or training job; <c>null</c> for a replayed file (no server to search).</summary>
    public LogTarget? Target { get; init; }

    /// <summary>Runs the server search (<c>:search-server</c>); <c>null</c> when there is no server.</summary>
    public Func<LogQuery, TimeSpan, CancellationToken, Task<ServerSearchResult>>? SearchServer { get; init; }

    /// <summary>
    /// Asks the server for every line of one request (<c>r</c>, a deployment's <c>request_id</c> parameter); <c>null</c>
    /// where the server cannot (training jobs, replay): the trace is then the held lines.
    /// </summary>
    public Func<string, CancellationToken, Task<ServerSearchResult>>? TraceRequest { get; init; }

    /// <summary>The tail's lookback: the server search leaves lines this close to the newest held one to the tail.</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Reads the page before a held line (its time, and the held lines of its millisecond), for scrolling back past
    /// the loaded start, down to a gap's oldest millisecond when filling one (with the held lines there); <c>null</c>
    /// for a replayed file. <see cref="OlderHistory.ReadPageAsync(long?, IReadOnlyList{LogEntry}, long?, IReadOnlyList{LogEntry}, CancellationToken)"/>.
    /// </summary>
    public Func<long?, IReadOnlyList<LogEntry>, long?, IReadOnlyList<LogEntry>, CancellationToken, Task<OlderPage>>? ReadOlder { get; init; }

    /// <summary>
    /// Reads one page from a time far before the loaded start, up to the oldest held line (<c>:goto</c>);
    /// <see cref="OlderHistory.ReadAroundAsync"/>. <c>null</c> for a replayed file.
    /// </summary>
    public Func<long, long?, IReadOnlyList<LogEntry>, CancellationToken, Task<OlderAround>>? ReadAround { get; init; }

    /// <summary>
    /// The tail again, from a millisecond on (epoch ms): G after reading far back shed the live end reads it back in.
    /// <c>null</c> when the tail cannot be restarted.
    /// </summary>
    public Func<long, IObservable<TailEvent>>? TailFrom { get; init; }

    /// <summary>The session read at start (rules, level, replicas, view toggles), or the one-line reason it was not usable.</summary>
    public SessionLoad? Restored { get; init; }

    /// <summary>Removes the saved session (<c>:forget</c>); true when there was one.</summary>
    public Func<bool>? ForgetSaved { get; init; }

    /// <summary>Receives what to remember for this target when the viewer closes.</summary>
    public Action<SavedSession>? Remember { get; init; }

    /// <summary>Resumes a tail that stopped because its training job ended (the R key); null when there is none.</summary>
    public TailControl? Control { get; init; }

    /// <summary>Opened from the picker: the p key goes back to it.</summary>
    public bool CanGoBack { get; init; }

    /// <summary>
    /// A store already filled (a replayed file) to show instead of a new one of <see cref="MaxLines"/>: the lines are
    /// held once, by this store. Batches in <see cref="Events"/> are still added to it.
    /// </summary>
    public LogStore? Store { get; init; }

    /// <summary>Lines outside this filter are never shown (replay's command-line filters); the keys filter within it.</summary>
    public LogFilter? BaseFilter { get; init; }

    /// <summary>Mouse reporting on at start (wheel scrolls, clicks select); off leaves the mouse to the terminal.</summary>
    public bool Mouse { get; init; } = true;

    /// <summary>Draw the SGR colours of messages as colour (false: <c>NO_COLOR</c> is set, they are only removed).</summary>
    public bool MessageColours { get; init; } = true;

    /// <summary>Set the terminal title to the target and its state, restoring the previous one on exit (false: <c>--no-title</c>).</summary>
    public bool SetsTitle { get; init; } = true;

    /// <summary>Which lifecycle changes ring the bell and notify (<c>--notify</c>).</summary>
    public NotifyMode Notify { get; init; } = NotifyMode.End;

    /// <summary>Alert rules to start with (<c>--alert</c>): new lines that match notify, are counted and marked.</summary>
    public IReadOnlyList<RulePattern> Alerts { get; init; } = [];

    /// <summary>How notifications are encoded for the terminal (tmux passthrough, OSC 777).</summary>
    public TerminalStyle TerminalStyle { get; init; } = TerminalStyle.Plain;
}
