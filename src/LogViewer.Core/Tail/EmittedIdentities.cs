using System.Runtime.InteropServices;
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
/// <para>
/// Cost (ingest runs every line through here): one dictionary lookup per line with a cheap hash
/// (<see cref="LogEntry.GetHashCode"/>, computed once per entry and kept in it). Copies within a read are counted only among lines that share a
/// timestamp with a neighbour, which is enough when the read is in timestamp order (equal lines share a
/// timestamp, so they are adjacent); an unordered read counts every line. Identities enter a FIFO in emission
/// order, which is timestamp order for all but late lines; a late line (older than the FIFO's newest) goes to a
/// priority queue instead, so both stay sorted and forgetting is exactly "timestamp before the horizon".
/// </para>
/// </remarks>
internal sealed class EmittedIdentities
{
    private readonly Dictionary<LogEntry, int> _emittedCopies = new();
    private readonly Queue<LogEntry> _inOrder = new();
    private readonly PriorityQueue<LogEntry, long> _late = new();
    private readonly Dictionary<LogEntry, int> _copiesInRead = new();
    private long _newestInOrder = long.MinValue;

    /// <summary>Identities remembered now.</summary>
    public int Count => _emittedCopies.Count;

    /// <summary>
    /// Takes one read's entries (in the API's order) and returns those not emitted yet, in the same order:
    /// the k-th copy of X in this read is new when fewer than k copies of X were emitted before.
    /// </summary>
    public List<LogEntry> Admit(IReadOnlyList<LogEntry> read)
    {
        var fresh = new List<LogEntry>(read.Count);
        var ordered = IsInTimestampOrder(read);
        for (var i = 0; i < read.Count; i++)
        {
            var entry = read[i];
            var copyNumber = ordered && !SharesTimestampWithNeighbour(read, i) ? 1 : CountCopyInRead(entry);
            ref var emitted = ref CollectionsMarshal.GetValueRefOrAddDefault(_emittedCopies, entry, out var known);
            if (copyNumber <= emitted)
            {
                continue;
            }

            emitted = copyNumber;
            if (!known)
            {
                Remember(entry);
            }

            fresh.Add(entry);
        }

        if (_copiesInRead.Count > 0)
        {
            _copiesInRead.Clear();
        }

        return fresh;
    }

    /// <summary>How many copies of <paramref name="entry"/>'s identity have been emitted (0 when unknown or forgotten).</summary>
    public int Copies(LogEntry entry) => _emittedCopies.GetValueOrDefault(entry);

    /// <summary>
    /// Records that <paramref name="copies"/> copies of <paramref name="entry"/> were emitted by another reader (the
    /// back-fill), so a poll that reads the line again counts it as known.
    /// </summary>
    public void Raise(LogEntry entry, int copies)
    {
        ref var emitted = ref CollectionsMarshal.GetValueRefOrAddDefault(_emittedCopies, entry, out var known);
        emitted = Math.Max(emitted, copies);
        if (!known)
        {
            Remember(entry);
        }
    }

    /// <summary>Forgets every identity whose timestamp is before <paramref name="horizonNanos"/>.</summary>
    public void ForgetBefore(long horizonNanos)
    {
        while (_inOrder.TryPeek(out var entry) && entry.TimestampNanos < horizonNanos)
        {
            _emittedCopies.Remove(_inOrder.Dequeue());
        }

        while (_late.TryPeek(out var entry, out var timestamp) && timestamp < horizonNanos)
        {
            _emittedCopies.Remove(_late.Dequeue());
        }
    }

    private static bool IsInTimestampOrder(IReadOnlyList<LogEntry> read)
    {
        for (var i = 1; i < read.Count; i++)
        {
            if (read[i].TimestampNanos < read[i - 1].TimestampNanos)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SharesTimestampWithNeighbour(IReadOnlyList<LogEntry> read, int i) =>
        (i > 0 && read[i - 1].TimestampNanos == read[i].TimestampNanos)
        || (i + 1 < read.Count && read[i + 1].TimestampNanos == read[i].TimestampNanos);

    private int CountCopyInRead(LogEntry entry) => ++CollectionsMarshal.GetValueRefOrAddDefault(_copiesInRead, entry, out _);

    private void Remember(LogEntry entry)
    {
        if (entry.TimestampNanos >= _newestInOrder)
        {
            _newestInOrder = entry.TimestampNanos;
            _inOrder.Enqueue(entry);
        }
        else
        {
            _late.Enqueue(entry, entry.TimestampNanos);
        }
    }
}
