namespace LogViewer.Core.Store;

/// <summary>
/// While late lines arrive, the newest end of the store is kept in small fresh chunks (<see cref="FreshEntries"/>
/// entries each), because that is where late lines land: a late line rebuilds the chunk it lands in (published
/// snapshots must not see a chunk change), and rebuilding a few hundred entries instead of a full chunk's 4096 is what
/// keeps ingest with late lines close to ingest without them. Once more than <see cref="LateHorizonEntries"/> newer
/// entries follow them, the oldest fresh chunks are compacted into one full chunk, so the rest of the store (and the
/// filters' per-chunk scans) keeps full chunks. Lines in order (no late line within the horizon) go straight to full
/// chunks, which then leave the fresh end without a copy. A late line older than the horizon still lands correctly,
/// in a full chunk, at a full chunk's rebuild cost.
/// </summary>
public sealed partial class LogStore
{
    // Entries appended since the last late line: small fresh chunks only while late lines are within the horizon.
    private long _appendedSinceLate = LateHorizonEntries;

    private int ActiveChunkEntries => _appendedSinceLate < LateHorizonEntries ? FreshEntries : LogChunk.MaxEntries;

    /// <summary>Entries of a fresh chunk: a late line landing in it copies about this many entries.</summary>
    internal const int FreshEntries = 128;

    /// <summary>
    /// Entries kept in fresh chunks at the newest end: late lines up to this far back are cheap. 16,384 entries is
    /// about 3 s at 5,000 lines/s, and minutes at a live tail's rates.
    /// </summary>
    internal const int LateHorizonEntries = 16_384;

    /// <summary>Past this many fresh chunks (late lines splitting them small) the oldest are compacted too.</summary>
    private const int MaxFreshChunks = 2 * LateHorizonEntries / FreshEntries;

    /// <summary>Compacts the oldest fresh chunks into full chunks while more than the horizon's entries follow them.</summary>
    private void CompactFresh()
    {
        var first = _chunks.Count;
        var freshEntries = 0;
        while (first > 0 && _chunks[first - 1].IsFresh)
        {
            first--;
            freshEntries += _chunks[first].Count - (first == 0 ? _frontSkip : 0);
        }

        while (true)
        {
            // The oldest fresh chunks that fit one full chunk.
            var end = first;
            var entries = 0;
            var bytes = 0L;
            while (end < _chunks.Count && _chunks[end].IsSealed)
            {
                var chunk = _chunks[end];
                var begin = end == 0 ? _frontSkip : 0;
                var more = chunk.Count - begin;
                var moreBytes = (long)chunk.TextUsed - chunk.MessageStart(begin);
                if (end > first && (entries + more > LogChunk.MaxEntries || bytes + moreBytes > MaxTextCapacity))
                {
                    break;
                }

                entries += more;
                bytes += moreBytes;
                end++;
            }

            var tooMany = _chunks.Count - first > MaxFreshChunks;
            if (end == first || (freshEntries - entries < LateHorizonEntries && !tooMany))
            {
                return;
            }

            Compact(first, end, entries, (int)bytes);
            first++;
            freshEntries -= entries;
        }
    }

    /// <summary>
    /// Replaces fresh chunks [<paramref name="first"/>, <paramref name="end"/>) by one sealed full chunk holding their
    /// visible entries (a single one is only marked as no longer fresh). The replicas' open entries that end in them
    /// are pointed at the new chunk, so a line that joins them marks the copy.
    /// </summary>
    private void Compact(int first, int end, int entries, int bytes)
    {
        if (end - first == 1 && (first > 0 || _frontSkip == 0))
        {
            _chunks[first].IsFresh = false;
            return;
        }

        var compacted = new LogChunk(entries, Math.Max(1, bytes));
        var offsets = new Dictionary<LogChunk, int>(end - first, ReferenceEqualityComparer.Instance);
        for (var k = first; k < end; k++)
        {
            var chunk = _chunks[k];
            var begin = k == 0 ? _frontSkip : 0;
            offsets[chunk] = compacted.Count - begin;
            compacted.AppendRange(chunk, begin, chunk.Count);
        }

        compacted.Seal();
        _chunks.RemoveRange(first, end - first);
        _chunks.Insert(first, compacted);
        if (first == 0)
        {
            _frontSkip = 0;
        }

        for (var replica = 0; replica < _open.Length; replica++)
        {
            if (_open[replica].LastChunk is { } last && offsets.TryGetValue(last, out var offset))
            {
                // A last line already evicted from the front has no copy to mark.
                var local = _open[replica].LastLocal + offset;
                _open[replica] = _open[replica] with { LastChunk = local >= 0 ? compacted : null, LastLocal = Math.Max(0, local) };
            }
        }
    }
}
