using System.Runtime.InteropServices;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// The de-duplication of the back-fill, which reads the range newest first while the live tail reads its end.
/// Two memories make it exact: the copies of each identity in the millisecond the next read starts from again
/// (the oldest of a full page: the history's own overlap), and the live tail's <see cref="EmittedIdentities"/>, which
/// holds everything the live polls can still read, down to where they started (the two readers' overlap).
/// </summary>
/// <remarks>
/// The invariant is <see cref="EmittedIdentities"/>'s: an identity is emitted as many times as the largest number of
/// copies any single read returned, whichever reader that was. A line is known when either memory knows it, and
/// the count is the larger of the two; the back-fill tells the live memory what it emitted at or after
/// <c>liveFromNanos</c>, so a live poll that reads the same line counts it as known. The live memory keeps its
/// identities from where the polls started for as long as the back-fill can still read there (the session holds
/// its forgetting back), so neither reader forgets a line the other may still bring.
/// </remarks>
internal sealed class HistoryIdentities(EmittedIdentities live)
{
    private Dictionary<LogEntry, int> _atReread = new();
    private readonly Dictionary<LogEntry, int> _copiesInRead = new();

    /// <summary>Identities remembered for the millisecond read again next.</summary>
    public int Count => _atReread.Count;

    /// <summary>
    /// Takes one read (in timestamp order) and returns the entries not emitted yet by either reader, in order.
    /// Fresh entries at or after <paramref name="liveFromNanos"/> are told to the live memory.
    /// </summary>
    public List<LogEntry> Admit(IReadOnlyList<LogEntry> read, long? rereadMillis, long liveFromNanos)
    {
        var fresh = new List<LogEntry>();
        var next = new Dictionary<LogEntry, int>();
        foreach (var entry in read)
        {
            var copy = ++CollectionsMarshal.GetValueRefOrAddDefault(_copiesInRead, entry, out _);
            var known = Math.Max(_atReread.GetValueOrDefault(entry), live.Copies(entry));
            if (copy > known)
            {
                fresh.Add(entry);
                if (entry.TimestampNanos >= liveFromNanos)
                {
                    live.Raise(entry, copy);
                }
            }

            if (entry.EpochMillis == rereadMillis)
            {
                next[entry] = Math.Max(copy, known);
            }
        }

        _copiesInRead.Clear();
        _atReread = next;
        return fresh;
    }
}
