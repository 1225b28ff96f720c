using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// Where the next poll starts. The cursor is the newest nanosecond timestamp seen (the range's start before any
/// line arrived); each poll re-reads from the millisecond <see cref="Lookback"/> before it, so lines that become
/// queryable late are still found, but never from before the range's start (lines there were never asked for).
/// </summary>
internal sealed class TailCursor(long fromEpochMillis, TimeSpan lookback)
{
    private readonly long _lookbackNanos = lookback.Ticks * 100L;

    public TimeSpan Lookback => lookback;

    public long NewestNanos { get; private set; } = Nanos.FromEpochMillis(fromEpochMillis);

    /// <summary>
    /// floor((cursor - lookback) / 1e6), not before the range start. It only moves forward, so nothing before
    /// it is ever requested again: the de-duplication memory may forget every identity older than it.
    /// </summary>
    public long NextPollStartMillis => Math.Max(fromEpochMillis, Nanos.ToEpochMillis(NewestNanos - _lookbackNanos));

    public void Observe(IReadOnlyList<LogEntry> entries)
    {
        foreach (var entry in entries)
        {
            NewestNanos = Math.Max(NewestNanos, entry.TimestampNanos);
        }
    }
}
