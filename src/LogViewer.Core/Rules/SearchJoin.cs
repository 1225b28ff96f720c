using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Rules;

/// <summary>
/// Joins a server search's lines into the store exactly once: a line is added only for the copies the store does not
/// hold yet (same five fields), and lines at or after <c>tailHorizonNanos</c> are left to the live tail, which
/// re-reads its lookback and would otherwise bring them a second time. Call it on the store's writer (the ingest thread).
/// </summary>
public static class SearchJoin
{
    /// <summary>Adds what is missing; returns the entries added (oldest first).</summary>
    public static IReadOnlyList<LogEntry> Join(LogStore store, IReadOnlyList<LogEntry> found, long tailHorizonNanos)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(found);
        var snapshot = store.Current;
        var added = new List<LogEntry>();
        foreach (var sameTime in found.Where(entry => entry.TimestampNanos < tailHorizonNanos).GroupBy(entry => entry.TimestampNanos))
        {
            var held = new Dictionary<LogEntry, int>();
            for (var i = snapshot.LowerBound(sameTime.Key); i < snapshot.Count && snapshot.TimestampAt(i) == sameTime.Key; i++)
            {
                var entry = snapshot.GetRow(i).ToLogEntry();
                held[entry] = held.GetValueOrDefault(entry) + 1;
            }

            foreach (var entry in sameTime)
            {
                if (held.TryGetValue(entry, out var copies) && copies > 0)
                {
                    held[entry] = copies - 1;
                    continue;
                }

                added.Add(entry);
            }
        }

        store.Add(added);
        return added;
    }
}
