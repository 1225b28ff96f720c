using System.Runtime.InteropServices;

namespace LogViewer.Core.Store;

public sealed partial class LogStore
{
    // Where this batch's late lines were put, in store order: the lines Regroup starts from.
    private readonly List<(LogChunk Chunk, int Local)> _placedLate = [];

    /// <summary>
    /// Puts the batch's late lines in place. Each affected chunk is rebuilt as new sealed chunks (merging its
    /// visible entries with the late ones), so snapshots holding the old chunk keep seeing it unchanged and
    /// filtered views re-scan only the rebuilt chunks. Late lines usually land in the small fresh chunks at the newest
    /// end (LogStore.Fresh.cs), so a rebuild copies a few hundred entries. The late lines are then grouped into
    /// entries, and the lines after them regrouped as far as that changes anything.
    /// </summary>
    private void InsertLate()
    {
        // Stable by timestamp: late lines with equal timestamps keep their arrival order (Sort alone is not stable).
        var ordered = _late.ToArray();
        var arrival = new int[ordered.Length];
        for (var a = 0; a < arrival.Length; a++)
        {
            arrival[a] = a;
        }

        Array.Sort(arrival, (x, y) => ordered[x].Timestamp != ordered[y].Timestamp
            ? ordered[x].Timestamp.CompareTo(ordered[y].Timestamp)
            : x.CompareTo(y));
        var sorted = new PendingLate[ordered.Length];
        for (var a = 0; a < arrival.Length; a++)
        {
            sorted[a] = ordered[arrival[a]];
        }

        var rebuilt = new List<LogChunk>(_chunks.Count + 4);
        var merged = new HashSet<LogChunk>(ReferenceEqualityComparer.Instance);
        _placedLate.Clear();
        var next = 0;

        // Chunks wholly before the oldest late line stay as they are; the search skips them.
        var first = FirstChunkEndingAfter(sorted[0].Timestamp);
        for (var k = 0; k < first; k++)
        {
            rebuilt.Add(_chunks[k]);
        }

        for (var k = first; k < _chunks.Count; k++)
        {
            var chunk = _chunks[k];
            var begin = k == 0 ? _frontSkip : 0;
            var last = chunk.Timestamp(chunk.Count - 1);
            var take = next;
            while (take < sorted.Length && sorted[take].Timestamp < last)
            {
                take++;
            }

            if (take == next)
            {
                rebuilt.Add(chunk);
                continue;
            }

            chunk.Seal();
            var before = rebuilt.Count;
            var shared = Merge(chunk, begin, sorted, next, take, rebuilt);

            // A shared prefix is not a new copy: Regroup must copy it before changing a mark in it.
            merged.UnionWith(rebuilt.Skip(before + shared));
            if (k == 0)
            {
                _frontSkip = 0;
            }

            next = take;
        }

        _chunks.Clear();
        _chunks.AddRange(rebuilt);
        Regroup(merged, _placedLate);
        _placedLate.Clear();
        _layoutVersion++;
    }

    /// <summary>The first chunk whose last entry is after <paramref name="timestamp"/> (where a late line with it goes).</summary>
    private int FirstChunkEndingAfter(long timestamp)
    {
        var lo = 0;
        var hi = _chunks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_chunks[mid].LastTimestamp <= timestamp)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Merges <paramref name="ordered"/>[from, to) into the entries of <paramref name="chunk"/> from
    /// <paramref name="begin"/>, adding the chunks that replace it to <paramref name="output"/>. The entries before the
    /// first late line are kept in the old chunk's arrays (<see cref="LogChunk.Prefix"/>) rather than copied: a late
    /// line lands anywhere in a chunk, so that halves a rebuild's copying. Only fresh chunks share: compaction soon
    /// copies the prefix into a full chunk and frees the old arrays, where a full chunk's prefix would hold its whole
    /// arrays (the copied rest too) for as long as it is stored. Returns 1 when the first chunk added is such a
    /// shared prefix, else 0.
    /// </summary>
    private int Merge(LogChunk chunk, int begin, PendingLate[] ordered, int from, int to, List<LogChunk> output)
    {
        LogChunk? target = null;
        var i = begin;
        var j = from;
        var shared = 0;
        if (chunk.IsFresh && begin == 0 && chunk.UpperBound(ordered[from].Timestamp, 0, chunk.Count) is var prefix and > 0)
        {
            output.Add(chunk.Prefix(prefix));
            i = prefix;
            shared = 1;
        }

        while (i < chunk.Count || j < to)
        {
            // Existing entries first on equal timestamps: a late line goes after the lines it ties with.
            // The run of existing entries before the next late line moves in bulk.
            var runEnd = j == to ? chunk.Count : chunk.UpperBound(ordered[j].Timestamp, i, chunk.Count);
            while (i < runEnd)
            {
                var copied = target?.AppendRange(chunk, i, runEnd) ?? 0;
                if (copied == 0)
                {
                    target?.Seal();
                    target = NewMergeChunk(chunk, i, ordered, j, to, chunk.MessageEnd(i) - chunk.MessageStart(i));
                    output.Add(target);
                    continue;
                }

                i += copied;
            }

            if (j == to)
            {
                break;
            }

            var late = ordered[j++];
            var message = CollectionsMarshal.AsSpan(_lateText).Slice(late.Start, late.Length);
            if (target is null || !target.CanAppend(late.Length))
            {
                target?.Seal();
                target = NewMergeChunk(chunk, i, ordered, j - 1, to, late.Length);
                output.Add(target);
            }

            target.Append(_nextId++, late.Timestamp, message, late.Level, late.Replica, late.Request);
            _placedLate.Add((target, target.Count - 1));
            _count++;
            _counts.Add(late.Level, late.Replica, 1);
            _rates.Add(late.Timestamp, late.Level, late.Replica);
        }

        target?.Seal();
        return shared;
    }

    private static LogChunk NewMergeChunk(LogChunk chunk, int i, PendingLate[] ordered, int j, int to, int minimumBytes)
    {
        var remainingEntries = chunk.Count - i + to - j;
        var entries = Math.Min(remainingEntries, LogChunk.MaxEntries);
        var bytes = (long)chunk.TextUsed - (i == 0 ? 0 : chunk.MessageStart(i));
        for (var late = j; late < to; late++)
        {
            bytes += ordered[late].Length;
        }

        var text = (int)Math.Clamp(bytes, minimumBytes, MaxTextCapacity);

        // A rebuilt fresh chunk stays fresh: it is still within the late horizon.
        return new LogChunk(entries, Math.Max(text, minimumBytes)) { IsFresh = chunk.IsFresh };
    }
}
