using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// One read handed to the de-duplication: a page, or the merged pages of a crowded millisecond, with what decoding it cost.
/// <see cref="MoreToRead"/> is true when the window has more pages to fetch right away.
/// </summary>
internal sealed record PageRead(IReadOnlyList<LogEntry> Entries, DecodeReport Problems, bool MoreToRead)
{
    /// <summary>Set when this read is a millisecond holding more than a page.</summary>
    public long? CrowdedMillis { get; init; }

    /// <summary>Set when even two pages could not cover <see cref="CrowdedMillis"/>.</summary>
    public MissingEstimate? Gap { get; init; }

    /// <summary>For a crowded millisecond: the page size it was read with.</summary>
    public int PageSize { get; init; } = PageLimit.Largest;
}
