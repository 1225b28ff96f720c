using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// The exact de-duplication memory: how many copies of each line identity (a <see cref="LogEntry"/>'s value
/// equality over timestamp, replica, request id, level and message) have been emitted.
/// </summary>
/// <remarks>
/// Invariant: for every identity X not yet forgotten, <c>count[X]</c> is the largest number of copies of X that
/// any single read (one API page, or the merged ascending + descending pages of one crowded millisecond) has
/// returned, and exactly that many copies have been emitted.
/// Why that is exact: a read never returns more copies of X than the API holds, so the maximum never doubles
/// a line; copies of X share one nanosecond timestamp, so a read that covers X's millisecond from its first line
/// to its last returns all copies ingested so far, and the maximum reaches the true count as soon as one read
/// does that. Across a page boundary inside one millisecond, the next page re-reads that millisecond from its
/// first line, so it returns a superset of the copies the previous page held and the maximum is its count;
/// overlapping polls (the lookback) likewise take the maximum, never the sum.
/// Identities with a timestamp before <see cref="ForgetBefore"/>'s horizon are dropped: the cursor never
/// requests that range again, so they cannot come back and memory stays bounded by one lookback of lines.
/// </remarks>
internal sealed class EmittedIdentities
{
    private readonly Dictionary<LogEntry, int> _emittedCopies = [];
    private readonly PriorityQueue<LogEntry, long> _byTimestamp = new();
    private readonly Dictionary<LogEntry, int> _copiesInRead = [];

    /// <summary>Identities remembered now.</summary>
    public int Count => _emittedCopies.Count;

    /// <summary>
    /// Takes one read's entries (in the API's order) and returns those not emitted yet, in the same order:
    /// the k-th copy of X in this read is new when fewer than k copies of X were emitted before.
    /// </summary>
    public List<LogEntry> Admit(IReadOnlyList<LogEntry> read)
    {
        var fresh = new List<LogEntry>();
        _copiesInRead.Clear();
        foreach (var entry in read)
        {
            var copyNumber = _copiesInRead[entry] = _copiesInRead.GetValueOrDefault(entry) + 1;
            var emitted = _emittedCopies.GetValueOrDefault(entry);
            if (copyNumber <= emitted)
            {
                continue;
            }

            if (emitted == 0)
            {
                _byTimestamp.Enqueue(entry, entry.TimestampNanos);
            }

            _emittedCopies[entry] = copyNumber;
            fresh.Add(entry);
        }

        _copiesInRead.Clear();
        return fresh;
    }

    /// <summary>Forgets every identity whose timestamp is before <paramref name="horizonNanos"/>.</summary>
    public void ForgetBefore(long horizonNanos)
    {
        while (_byTimestamp.TryPeek(out var entry, out var timestamp) && timestamp < horizonNanos)
        {
            _byTimestamp.Dequeue();
            _emittedCopies.Remove(entry);
        }
    }
}
