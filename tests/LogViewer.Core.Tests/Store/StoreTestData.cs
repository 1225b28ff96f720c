using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Tests.Store;

/// <summary>Entries for store and filter tests, and a plain list model of what a store should hold.</summary>
internal static class StoreTestData
{
    public static LogEntry Entry(long timestamp, string message = "", string? replica = null, string? requestId = null, LogLevel level = LogLevel.Info) =>
        new(timestamp, message.Length == 0 ? $"line {timestamp}" : message, replica, requestId, level);

    public static IReadOnlyList<LogRow> Rows(LogSnapshot snapshot) =>
        Enumerable.Range(0, snapshot.Count).Select(snapshot.GetRow).ToList();

    public static IReadOnlyList<LogEntry> Entries(LogSnapshot snapshot) =>
        Rows(snapshot).Select(row => row.ToLogEntry()).ToList();

    /// <summary>
    /// The reference: a sorted list where a line goes after every line with an equal or older timestamp,
    /// trimmed from the front to the capacity.
    /// </summary>
    public sealed class StoreModel(int capacity)
    {
        public List<LogEntry> Entries { get; } = [];

        public long Evicted { get; private set; }

        public void Add(IEnumerable<LogEntry> batch)
        {
            foreach (var entry in batch)
            {
                var index = Entries.FindLastIndex(existing => existing.TimestampNanos <= entry.TimestampNanos) + 1;
                Entries.Insert(index, entry);
            }

            if (Entries.Count > capacity)
            {
                var drop = Entries.Count - capacity;
                Entries.RemoveRange(0, drop);
                Evicted += drop;
            }
        }
    }
}
