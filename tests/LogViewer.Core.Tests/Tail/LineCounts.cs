using LogViewer.Core.Model;

namespace LogViewer.Core.Tests.Tail;

/// <summary>Lines as a multiset: how many copies of each identity, to compare what was emitted with the truth.</summary>
internal static class LineCounts
{
    public static Dictionary<LogEntry, int> Of(IEnumerable<LogEntry> entries) =>
        entries.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>How many copies in <paramref name="want"/> are not in <paramref name="have"/>.</summary>
    public static int Missing(Dictionary<LogEntry, int> want, Dictionary<LogEntry, int> have) =>
        want.Sum(e => Math.Max(0, e.Value - have.GetValueOrDefault(e.Key)));
}
