namespace LogViewer.Core.Store;

public sealed partial class LogStore
{
    /// <summary>
    /// Puts the batch's late lines in place. Each affected chunk is rebuilt as new sealed chunks (merging its
    /// visible entries with the late ones), so snapshots holding the old chunk keep seeing it unchanged and
    /// filtered views re-scan only the rebuilt chunks. The late lines are then grouped into entries, and the lines
    /// after them regrouped as far as that changes anything.
    /// </summary>
    private void InsertLate()
    {
        // Stable by timestamp: late lines with equal timestamps keep their arrival order.
        var ordered = _late.Select((late, arrival) => (late, arrival))
            .OrderBy(pair => pair.late.Timestamp).ThenBy(pair => pair.arrival)
            .Select(pair => pair.late).ToList();

        var rebuilt = new List<LogChunk>(_chunks.Count + 4);
        var merged = new HashSet<LogChunk>(ReferenceEqualityComparer.Instance);
        var next = 0;
        for (var k = 0; k < _chunks.Count; k++)
        {
            var chunk = _chunks[k];
            var begin = k == 0 ? _frontSkip : 0;
            var last = chunk.Timestamp(chunk.Count - 1);
            var take = next;
            while (take < ordered.Count && ordered[take].Timestamp < last)
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
            Merge(chunk, begin, ordered, next, take, rebuilt);
            merged.UnionWith(rebuilt.Skip(before));
            if (k == 0)
            {
                _frontSkip = 0;
            }

            next = take;
        }

        _chunks.Clear();
        _chunks.AddRange(rebuilt);
        Regroup(merged);
        _layoutVersion++;
    }

    private void Merge(LogChunk chunk, int begin, List<PendingLate> ordered, int from, int to, List<LogChunk> output)
    {
        LogChunk? target = null;
        var i = begin;
        var j = from;
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
            if (target is null || !target.CanAppend(late.Message.Length))
            {
                target?.Seal();
                target = NewMergeChunk(chunk, i, ordered, j - 1, to, late.Message.Length);
                output.Add(target);
            }

            target.Append(_nextId++, late.Timestamp, late.Message, late.Level, late.Replica, late.Request);
            _count++;
            _counts.Add(late.Level, late.Replica, 1);
            _rates.Add(late.Timestamp, late.Level, late.Replica);
        }

        target?.Seal();
    }

    private static LogChunk NewMergeChunk(LogChunk chunk, int i, List<PendingLate> ordered, int j, int to, int minimumBytes)
    {
        var remainingEntries = chunk.Count - i + to - j;
        var entries = Math.Min(remainingEntries, LogChunk.MaxEntries);
        var bytes = (long)chunk.TextUsed - (i == 0 ? 0 : chunk.MessageStart(i));
        for (var late = j; late < to; late++)
        {
            bytes += ordered[late].Message.Length;
        }

        var text = (int)Math.Clamp(bytes, minimumBytes, MaxTextCapacity);
        return new LogChunk(entries, Math.Max(text, minimumBytes));
    }
}
