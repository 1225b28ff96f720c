using System.Collections.Immutable;
using LogViewer.Core.Metrics;

namespace LogViewer.Tui.State;

/// <summary>
/// The metric chart's slice of the state (<c>:chart KEY</c>, <c>#</c>): the key charted, its series as last read
/// (replaced as lines arrive), and the numeric keys of the entry <c>#</c> charted from, which repeated <c>#</c> cycles
/// through. The log pane's own positions are untouched while it is open.
/// </summary>
internal sealed record ChartState
{
    public static ChartState Closed { get; } = new();

    public bool Open { get; init; }

    public string Key { get; init; } = string.Empty;

    /// <summary>The key's series as last read; <c>null</c> until the first read answers.</summary>
    public MetricChart? Data { get; init; }

    /// <summary>The keys of the entry <c>#</c> was pressed on, in the entry's order; empty when opened by <c>:chart</c>.</summary>
    public ImmutableArray<string> EntryKeys { get; init; } = [];

    /// <summary>The chart shown before another key was asked for: it comes back when no line carries the new key.</summary>
    public ChartState? Previous { get; init; }
}
