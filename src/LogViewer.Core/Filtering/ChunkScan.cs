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
    /// When the filter narrows <paramref name="basis"/>'s filter, only its matches are tested. Chunks are split
    /// across the cores in contiguous ranges, each with its own compiled filter (a compiled filter keeps scratch state).
    /// </summary>
    public static List<ChunkMatches> Run(LogFilter filter, FilteredSnapshot basis, CancellationToken cancellationToken)
    {
        var store = basis.Store;
        var results = new ChunkMatches[store.ChunkCount];
        var narrowing = !filter.KeepsAll && !basis.Filter.KeepsAll && filter.IsNarrowingOf(basis.Filter);
        var workers = Math.Min(Environment.ProcessorCount, Math.Max(1, store.ChunkCount / 8));
        if (workers <= 1 || filter.KeepsAll)
        {
            RunRange(filter, basis, narrowing, 0, store.ChunkCount, results, cancellationToken);
        }
        else
        {
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };
            Parallel.For(0, workers, options, worker => RunRange(
                filter, basis, narrowing, store.ChunkCount * worker / workers, store.ChunkCount * (worker + 1) / workers,
                results, cancellationToken));
        }

        return [.. results];
    }

    private static void RunRange(
        LogFilter filter, FilteredSnapshot basis, bool narrowing, int fromChunk, int toChunk, ChunkMatches[] results,
        CancellationToken cancellationToken)
    {
        var store = basis.Store;
        var predicate = filter.KeepsAll ? null : filter.CompileForEntries();
        var buffer = new int[LogChunk.MaxEntries];
        for (var k = fromChunk; k < toChunk; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = store.Chunk(k);
            var begin = store.ChunkBegin(k);
            var end = store.ChunkEnd(k);
            if (predicate is null)
            {
                results[k] = new ChunkMatches(chunk, end, null, 0) { CountedFrom = begin };
                continue;
            }

            var found = narrowing
                ? predicate.Refine(chunk, store, buffer, basis.CopyMatches(k, buffer))
                : Scan(predicate, chunk, store, begin, end, ref buffer);
            results[k] = new ChunkMatches(chunk, end, buffer.AsSpan(0, found).ToArray(), found) { CountedFrom = begin };
        }
    }
}
