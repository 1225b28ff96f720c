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
    /// After a late insert: groups each late line (<paramref name="placed"/>, in store order) and regroups the lines
    /// after it as far as that changes anything (the line after it may now continue, or no longer continue, an entry).
    /// Only lines of a replica whose grouping differs from what was stored are linked again; the others only carry
    /// their replica's state forward from their stored marks, and once no replica differs the walk jumps to the next
    /// late line. A chunk whose marks change and that was not rebuilt is copied first, so published snapshots keep
    /// seeing what they saw; the filtered views re-scan it as they do rebuilt chunks.
    /// </summary>
    private void Regroup(HashSet<LogChunk> rebuilt, List<(LogChunk Chunk, int Local)> placed)
    {
        if (placed.Count == 0)
        {
            return;
        }

        var replicas = _replicas.Names.Length;
        var states = new OpenEntry[replicas];
        var known = new bool[replicas];
        var dirty = new bool[replicas];
        var dirtyCount = 0;
        var next = 0;
        var k = 0;
        var i = 0;
        while (k < _chunks.Count)
        {
            if (dirtyCount == 0)
            {
                if (next == placed.Count)
                {
                    break;
                }

                // Nothing differs any more: on to the next late line, whose replicas' states are read again there.
                var (lateChunk, lateLocal) = placed[next];
                while (!ReferenceEquals(_chunks[k], lateChunk))
                {
                    k++;
                }

                i = lateLocal;
                Array.Clear(known);
            }

            var chunk = _chunks[k];
            var end = chunk.Count;
            for (; i < end && (dirtyCount > 0 || (next < placed.Count && ReferenceEquals(placed[next].Chunk, chunk) && placed[next].Local == i)); i++)
            {
                var replica = chunk.ReplicaCode(i);
                if (chunk.EntryId(i) < 0)
                {
                    // A late line: its replica's state just before it.
                    next++;
                    if (!known[replica])
                    {
                        states[replica] = OpenEntryBefore(replica, k, i);
                        known[replica] = true;
                    }
                }
                else if (!dirty[replica])
                {
                    // Grouped as stored: the replica's state after it is what its marks say.
                    states[replica] = StoredState(chunk, i);
                    known[replica] = true;
                    continue;
                }

                var (entryId, mark) = Link(ref states[replica], chunk, i);
                var same = chunk.EntryId(i) == entryId && chunk.EntryMarkAt(i).WithoutContinued == mark;
                if (!same)
                {
                    if (!rebuilt.Contains(chunk))
                    {
                        chunk = CopyForRegroup(k, states);
                        rebuilt.Add(chunk);
                    }

                    chunk.SetEntry(i, entryId, mark);
                }

                if (dirty[replica] == same)
                {
                    dirty[replica] = !same;
                    dirtyCount += same ? -1 : 1;
                }
            }

            if (i < end)
            {
                // Stopped before the chunk's end: nothing differs and the next late line is further on.
                continue;
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

            k++;
            i = 0;
        }

        _open = OpenEntriesBefore(_chunks.Count, 0);
    }

    /// <summary>A replica's state right after the line at <paramref name="local"/>, read from its stored marks.</summary>
    private static OpenEntry StoredState(LogChunk chunk, int local)
    {
        var mark = chunk.EntryMarkAt(local);
        return new OpenEntry(chunk.EntryId(local), chunk.Timestamp(local), mark.Phase, mark.LineInEntry + 1, chunk, local);
    }

    /// <summary>
    /// The state of <paramref name="replica"/> just before local <paramref name="local"/> of chunk <paramref name="k"/>:
    /// its last grouped line there, unless that is more than the window older (no line after it can join it then).
    /// </summary>
    private OpenEntry OpenEntryBefore(int replica, int k, int local)
    {
        var oldest = _chunks[k].Timestamp(local) - EntryRule.WindowNanos;
        for (var c = k; c >= 0; c--)
        {
            var chunk = _chunks[c];
            var begin = c == 0 ? _frontSkip : 0;
            for (var i = (c == k ? local : chunk.Count) - 1; i >= begin; i--)
            {
                if (chunk.Timestamp(i) < oldest)
                {
                    return OpenEntry.None;
                }

                if (chunk.ReplicaCode(i) == replica && chunk.EntryId(i) >= 0)
                {
                    return StoredState(chunk, i);
                }
            }
        }

        return OpenEntry.None;
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

        // Replicas without a held line have no state to find: once the others are seen, the rest is None.
        var unseen = 0;
        for (var replica = 0; replica < states.Length; replica++)
        {
            unseen += _counts.HasLines(replica) ? 1 : 0;
        }

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
                states[replica] = StoredState(chunk, i);
                if (--unseen == 0)
                {
                    return states;
                }
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
