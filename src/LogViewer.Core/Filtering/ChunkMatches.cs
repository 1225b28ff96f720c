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

    public bool Contains(int local) => Matches is null || LowerBound(Matches, MatchCount, local) is var i && i < MatchCount && Matches[i] == local;

    /// <summary>
    /// Adds or removes one match before the end (an entry's verdict changed after its earlier lines were scanned).
    /// Into a new array, so published snapshots keep reading the old one unchanged.
    /// </summary>
    public void Set(int local, bool match)
    {
        if (Matches is null || Contains(local) == match)
        {
            return;
        }

        var position = LowerBound(Matches, MatchCount, local);
        var copy = new int[Math.Max(MatchCount + 1, Matches.Length)];
        Matches.AsSpan(0, position).CopyTo(copy);
        if (match)
        {
            copy[position] = local;
            Matches.AsSpan(position, MatchCount - position).CopyTo(copy.AsSpan(position + 1));
            MatchCount++;
        }
        else
        {
            Matches.AsSpan(position + 1, MatchCount - position - 1).CopyTo(copy.AsSpan(position));
            MatchCount--;
        }

        Matches = copy;
    }

    /// <summary>The first position in the match list whose entry is at or after <paramref name="local"/>.</summary>
    public static int LowerBound(int[] matches, int count, int local)
    {
        var position = Array.BinarySearch(matches, 0, count, local);
        return position < 0 ? ~position : position;
    }
}
