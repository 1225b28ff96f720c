using System.Collections.Immutable;

namespace LogViewer.Tui.State;

/// <summary>
/// The viewer's alerts slice: the alert rules, the recent alerts for <c>:alerts</c> (newest last), the lines to draw
/// marked, and the alerts list overlay (open or not, its cursor counted from the newest).
/// </summary>
internal sealed record AlertState
{
    /// <summary>Alerts <c>:alerts</c> keeps: older ones are dropped (their rule still counts them).</summary>
    public const int RecentLimit = 200;

    /// <summary>Lines drawn marked: past this many the oldest lose their marker (a rule matching everything must not grow without end).</summary>
    public const int MarkedLimit = 10_000;

    public static AlertState None { get; } = new();

    public ImmutableArray<AlertRule> Rules { get; init; } = [];

    public ImmutableList<AlertHit> Recent { get; init; } = [];

    public ImmutableHashSet<AlertedLine> Marked { get; init; } = [];

    /// <summary><see cref="Marked"/> in the order the lines arrived, so the oldest go first.</summary>
    public ImmutableQueue<AlertedLine> MarkedOrder { get; init; } = [];

    public bool ListOpen { get; init; }

    /// <summary>The selected alert of the list: 0 is the newest.</summary>
    public int ListCursor { get; init; }
}
