using LogViewer.Core.Store;

namespace LogViewer.Core.Filtering;

/// <summary>
/// A view's matches in one chunk, as local entry indexes in ascending order. Only the view's writer changes it,
/// and only by appending past <see cref="MatchCount"/> or by swapping in a longer copy, so a published
/// <see cref="FilteredSnapshot"/> that captured (array, count) keeps reading the same prefix.
/// </summary>
internal sealed class ChunkMatches(LogChunk chunk, int scanned, int[]? matches, int matchCount)
{
    public LogChunk Chunk { get; } = chunk;

    /// <summary>Local index up to which the chunk has been scanned (exclusive).</summary>
    public int Scanned { get; set; } = scanned;

    /// <summary><c>null</c> when the filter keeps every line: every scanned entry is a match.</summary>
    public int[]? Matches { get; private set; } = matches;

    public int MatchCount { get; private set; } = matchCount;

    /// <summary>Matches before this local index are evicted and no longer in the view's counts.</summary>
    public int CountedFrom { get; set; } = scanned;

    public void Append(ReadOnlySpan<int> found)
    {
        if (Matches is null)
        {
            return;
        }

        if (MatchCount + found.Length > Matches.Length)
        {
            var grown = new int[Math.Max(MatchCount + found.Length, Math.Min(Matches.Length * 2, LogChunk.MaxEntries))];
            Matches.AsSpan(0, MatchCount).CopyTo(grown);
            Matches = grown;
        }

        found.CopyTo(Matches.AsSpan(MatchCount));
        MatchCount += found.Length;
    }

    /// <summary>The first position in the match list whose entry is at or after <paramref name="local"/>.</summary>
    public static int LowerBound(int[] matches, int count, int local)
    {
        var position = Array.BinarySearch(matches, 0, count, local);
        return position < 0 ? ~position : position;
    }
}
