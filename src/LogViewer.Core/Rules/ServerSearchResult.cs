using LogViewer.Core.Model;

namespace LogViewer.Core.Rules;

/// <summary>
/// What a <see cref="ServerSearch"/> found: each matching line once, oldest first; how many requests it took; and
/// whether it stopped at <see cref="ServerSearch.MaxMatches"/> before covering the whole window.
/// </summary>
public sealed record ServerSearchResult(IReadOnlyList<LogEntry> Entries, int Requests, bool HitLimit, long FromEpochMillis, long ToEpochMillis)
{
    /// <summary>Set when a millisecond held more than a page: some of its lines could not be read.</summary>
    public string? Warning { get; init; }
}
