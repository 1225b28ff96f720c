using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// New entries from the tail engine, each delivered exactly once, sorted by timestamp.
/// <paramref name="LateCount"/> is how many of them are older than the newest entry of an earlier batch
/// (late arrivals): a consumer must insert those in order rather than append them.
/// </summary>
public sealed record TailBatch(IReadOnlyList<LogEntry> Entries, int LateCount) : TailEvent;
