using LogViewer.Core.Grouping;

namespace LogViewer.Core.Store;

public sealed partial class LogStore
{
    // Per replica code: the entry its next line may join. Replicas interleave, so each has its own.
    private OpenEntry[] _open = [];

    /// <summary>Groups the line just appended at <paramref name="local"/> of <paramref name="chunk"/> into its replica's entry.</summary>
    private void MarkEntry(LogChunk chunk, int local)
    {
        var replica = chunk.ReplicaCode(local);
        if (replica >= _open.Length)
        {
            Array.Resize(ref _open, Math.Max(replica + 1, _open.Length * 2));
        }

        var (entryId, mark) = Link(ref _open[replica], chunk, local);
        chunk.SetEntry(local, entryId, mark);
    }

    /// <summary>
    /// The entry id and mark of a line that follows <paramref name="open"/> (its replica's state), and the state after
    /// it. A line joins when it is within the rule's window of the previous one, the entry is not full and the rule
    /// continues it; the entry's line before it is then marked as continued.
    /// </summary>
    private static (long EntryId, EntryMark Mark) Link(ref OpenEntry open, LogChunk chunk, int local)
    {
        var timestamp = chunk.Timestamp(local);
        var kind = EntryRule.Classify(chunk.Message(local));
        var traceback = EntryRule.MakesError(kind);
        if (open.Lines > 0 && timestamp - open.Timestamp <= EntryRule.WindowNanos && open.Lines < EntryRule.MaxLines
            && EntryRule.Continue(open.Phase, kind) is { } phase)
        {
            open.LastChunk?.MarkContinued(open.LastLocal);
            open = open with { LastChunk = chunk, LastLocal = local, Timestamp = timestamp, Phase = phase, Lines = open.Lines + 1 };
            return (open.EntryId, EntryMark.Of(phase, open.Lines - 1, continues: true, traceback));
        }

        var start = EntryRule.Start(kind);
        open = new OpenEntry(chunk.Id(local), timestamp, start, 1, chunk, local);
        return (open.EntryId, EntryMark.Of(start, 0, continues: false, traceback));
    }

    /// <summary>
    /// After a late insert: regroups from the first rebuilt chunk on, as far as a late line changes how later lines
    /// group (the line after it may now continue, or no longer continue, an entry). A chunk whose marks change and that
    /// was not rebuilt is copied first, so published snapshots keep seeing what they saw; the filtered views re-scan it
    /// as they do rebuilt chunks. Stops once no replica's grouping differs from what was stored.
    /// </summary>
    private void Regroup(HashSet<LogChunk> rebuilt)
    {
        var first = _chunks.FindIndex(rebuilt.Contains);
        var last = _chunks.FindLastIndex(rebuilt.Contains);
        if (first < 0)
        {
            return;
        }

        var states = OpenEntriesBefore(first, first == 0 ? _frontSkip : 0);
        var dirty = new bool[states.Length];
        var dirtyCount = 0;
        for (var k = first; k < _chunks.Count && (k <= last || dirtyCount > 0); k++)
        {
            var chunk = _chunks[k];
            var copied = rebuilt.Contains(chunk);
            for (var i = k == 0 ? _frontSkip : 0; i < chunk.Count; i++)
            {
                var replica = chunk.ReplicaCode(i);
                if (replica >= states.Length)
                {
                    Array.Resize(ref states, replica + 1);
                    Array.Resize(ref dirty, replica + 1);
                    states[replica] = OpenEntry.None;
                }

                var (entryId, mark) = Link(ref states[replica], chunk, i);
                var same = chunk.EntryId(i) == entryId && chunk.EntryMarkAt(i).WithoutContinued == mark;
                if (!same)
                {
                    if (!copied)
                    {
                        chunk = CopyForRegroup(k, states);
                        copied = true;
                    }

                    chunk.SetEntry(i, entryId, mark);
                }

                if (dirty[replica] == same)
                {
                    dirty[replica] = !same;
                    dirtyCount += same ? -1 : 1;
                }
            }

            // A replica whose last line is more than the window behind cannot group its next line differently.
            for (var replica = 0; replica < dirty.Length && dirtyCount > 0; replica++)
            {
                if (dirty[replica] && chunk.LastTimestamp - states[replica].Timestamp > EntryRule.WindowNanos)
                {
                    dirty[replica] = false;
                    dirtyCount--;
                }
            }
        }

        _open = OpenEntriesBefore(_chunks.Count, 0);
    }

    private LogChunk CopyForRegroup(int k, OpenEntry[] states)
    {
        var original = _chunks[k];
        var copy = original.Copy();
        _chunks[k] = copy;
        for (var r = 0; r < states.Length; r++)
        {
            if (ReferenceEquals(states[r].LastChunk, original))
            {
                states[r] = states[r] with { LastChunk = copy };
            }
        }

        return copy;
    }

    /// <summary>
    /// Each replica's state just before local <paramref name="local"/> of chunk <paramref name="k"/> (or the end), read
    /// from the marks of its last line within the window: an older line cannot be joined by what follows.
    /// </summary>
    private OpenEntry[] OpenEntriesBefore(int k, int local)
    {
        var states = new OpenEntry[_replicas.Names.Length];
        Array.Fill(states, OpenEntry.None);
        var seen = new bool[states.Length];
        long? newest = null;
        for (var c = Math.Min(k, _chunks.Count - 1); c >= 0; c--)
        {
            var chunk = _chunks[c];
            var begin = c == 0 ? _frontSkip : 0;
            for (var i = (c == k ? local : chunk.Count) - 1; i >= begin; i--)
            {
                var timestamp = chunk.Timestamp(i);
                newest ??= timestamp;
                if (newest - timestamp > EntryRule.WindowNanos)
                {
                    return states;
                }

                var replica = chunk.ReplicaCode(i);
                if (seen[replica] || chunk.EntryId(i) < 0)
                {
                    continue;
                }

                seen[replica] = true;
                var mark = chunk.EntryMarkAt(i);
                states[replica] = new OpenEntry(chunk.EntryId(i), timestamp, mark.Phase, mark.LineInEntry + 1, chunk, i);
            }
        }

        return states;
    }

    /// <summary>The entry a replica's next line may join, and where its last line is (marked continued when one joins).</summary>
    private readonly record struct OpenEntry(long EntryId, long Timestamp, EntryPhase Phase, int Lines, LogChunk? LastChunk, int LastLocal)
    {
        public static OpenEntry None { get; } = new(-1, long.MinValue, EntryPhase.Plain, 0, null, 0);
    }
}
