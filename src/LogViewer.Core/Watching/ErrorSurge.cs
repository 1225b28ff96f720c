namespace LogViewer.Core.Watching;

/// <summary>A replica's errors jumped: <paramref name="LastMinute"/> in the minute to <paramref name="AtNanos"/>, against <paramref name="BaselinePerMinute"/> before.</summary>
public sealed record ErrorSurge(string? Replica, int LastMinute, double BaselinePerMinute, long AtNanos);
