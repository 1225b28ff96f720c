using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>Runs a compiled filter over chunks: a full scan, or a narrowing scan of an earlier view's matches.</summary>
internal static class ChunkScan
{
    /// <summary>Matches of <paramref name="predicate"/> (all when <c>null</c>) among local entries [from, to), into <paramref name="buffer"/>.</summary>
    public static int Scan(EntryPredicate? predicate, LogChunk chunk, LogSnapshot store, int from, int to, ref int[] buffer)
    {
        var n = to - from;
        if (buffer.Length < n)
        {
            buffer = new int[Math.Max(n, LogChunk.MaxEntries)];
        }

        for (var i = 0; i < n; i++)
        {
            buffer[i] = from + i;
        }

        return predicate is null ? n : predicate.Refine(chunk, store, buffer, n);
    }

    /// <summary>
    /// The match lists of <paramref name="filter"/> for every chunk of <paramref name="basis"/>'s store snapshot.
    /// When the filter narrows <paramref name="basis"/>'s filter, only its matches are tested.
    /// </summary>
    public static List<ChunkMatches> Run(LogFilter filter, FilteredSnapshot basis, CancellationToken cancellationToken)
    {
        var store = basis.Store;
        var keepsAll = filter.KeepsAll;
        var predicate = keepsAll ? null : filter.Compile();
        var narrowing = !keepsAll && !basis.Filter.KeepsAll && filter.IsNarrowingOf(basis.Filter);
        var states = new List<ChunkMatches>(store.ChunkCount);
        var buffer = new int[LogChunk.MaxEntries];
        for (var k = 0; k < store.ChunkCount; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = store.Chunk(k);
            var begin = store.ChunkBegin(k);
            var end = store.ChunkEnd(k);
            if (keepsAll)
            {
                states.Add(new ChunkMatches(chunk, end, null, 0) { CountedFrom = begin });
                continue;
            }

            int found;
            if (narrowing)
            {
                found = basis.CopyMatches(k, buffer);
                found = predicate!.Refine(chunk, store, buffer, found);
            }
            else
            {
                found = Scan(predicate, chunk, store, begin, end, ref buffer);
            }

            states.Add(new ChunkMatches(chunk, end, buffer.AsSpan(0, found).ToArray(), found) { CountedFrom = begin });
        }

        return states;
    }
}
