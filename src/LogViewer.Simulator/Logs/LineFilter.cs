using System.Text.RegularExpressions;

namespace LogViewer.Simulator.Logs;

/// <summary>
/// A query's filters, already validated. Every given filter must hold: level at least <see cref="MinLevelRank"/>
/// (lines without a level fail any explicit minimum), exact replica and request id, the regex found anywhere in
/// the message, every include present and no exclude present (case-sensitive substrings).
/// </summary>
internal sealed record LineFilter(
    int? MinLevelRank,
    string? Replica,
    string? RequestId,
    Regex? SearchPattern,
    IReadOnlyList<string> Includes,
    IReadOnlyList<string> Excludes)
{
    public static LineFilter None { get; } = new(null, null, null, null, [], []);

    public bool Matches(StoredLine stored)
    {
        var line = stored.Line;
        if (MinLevelRank is { } minimum && (stored.LevelRank == LevelRanks.None || stored.LevelRank < minimum))
        {
            return false;
        }

        if (Replica is not null && !string.Equals(line.Replica, Replica, StringComparison.Ordinal))
        {
            return false;
        }

        if (RequestId is not null && !string.Equals(line.RequestId, RequestId, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var include in Includes)
        {
            if (!line.Message.Contains(include, StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var exclude in Excludes)
        {
            if (line.Message.Contains(exclude, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return SearchPattern is null || SearchPattern.IsMatch(line.Message);
    }
}
