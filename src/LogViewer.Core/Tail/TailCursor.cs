using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// Where the next poll starts. The cursor is the newest nanosecond timestamp seen (the range's start before any
/// line arrived); each poll re-reads from the millisecond <see cref="Lookback"/> before it, so lines that become
/// queryable late are still found, but never from before the range's start (lines there were never asked for).
/// The cursor never passes the local now plus <see cref="SkewAllowance"/> (or the lookback, when shorter): an entry
/// dated ahead of the server's clock would otherwise move the next poll's start past the server's now, and the API
/// refuses a start after its end. Held back, the cursor only makes the next poll re-read more, which the
/// de-duplication absorbs.
/// </summary>
internal sealed class TailCursor(long fromEpochMillis, TimeSpan lookback)
{
    public static readonly TimeSpan SkewAllowance = TimeSpan.FromSeconds(30);

    private readonly long _lookbackNanos = lookback.Ticks * 100L;
    private readonly long _allowanceNanos = Math.Min(SkewAllowance.Ticks, lookback.Ticks) * 100L;

    public TimeSpan Lookback => lookback;

    public long NewestNanos { get; private set; } = Nanos.FromEpochMillis(fromEpochMillis);

    /// <summary>
    /// floor((cursor - lookback) / 1e6), not before the range start. It only moves forward, so nothing before
    /// it is ever requested again: the de-duplication memory may forget every identity older than it.
    /// </summary>
    public long NextPollStartMillis => Math.Max(fromEpochMillis, Nanos.ToEpochMillis(NewestNanos - _lookbackNanos));

    /// <summary>Moves the cursor to the newest of <paramref name="entries"/>, but not past <paramref name="nowNanos"/> plus the allowance.</summary>
    public void Observe(IReadOnlyList<LogEntry> entries, long nowNanos)
    {
        var ceiling = nowNanos + _allowanceNanos;
        foreach (var entry in entries)
        {
            NewestNanos = Math.Max(NewestNanos, Math.Min(entry.TimestampNanos, ceiling));
        }
    }
}
