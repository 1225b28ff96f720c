using LogViewer.Core.Rules;
using LogViewer.Core.Tail;

namespace LogViewer.Tui.Alerts;

/// <summary>
/// The ingest side of alert rules: checks each new line against the patterns being watched. A line is new when it
/// arrives after the tail first went live: the history read at start (and every page of it) is not news, while a
/// backlog read after a retry is (those lines happened while the user watched). <see cref="Watch"/> is called from the
/// UI thread, <see cref="Observe"/> from the ingest thread, which sees the tail's events in order.
/// </summary>
internal sealed class AlertMatcher
{
    private RulePattern[] _patterns = [];
    private bool _live;

    /// <summary>The patterns to match from the next batch on.</summary>
    public void Watch(IReadOnlyList<RulePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Volatile.Write(ref _patterns, [.. patterns]);
    }

    /// <summary>The matches in one tail event, in the batch's order (a line matching two rules counts for both).</summary>
    public IReadOnlyList<AlertMatch> Observe(TailEvent tailEvent)
    {
        ArgumentNullException.ThrowIfNull(tailEvent);
        if (tailEvent is TailStatus { State: TailState.Live })
        {
            _live = true;
            return [];
        }

        var patterns = Volatile.Read(ref _patterns);
        if (tailEvent is not TailBatch batch || !_live || patterns.Length == 0)
        {
            return [];
        }

        List<AlertMatch>? matches = null;
        foreach (var entry in batch.Entries)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.Matches(entry.Message))
                {
                    (matches ??= []).Add(new AlertMatch(pattern, entry));
                }
            }
        }

        return matches ?? (IReadOnlyList<AlertMatch>)[];
    }
}
