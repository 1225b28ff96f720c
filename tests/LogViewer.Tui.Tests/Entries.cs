using LogViewer.Core.Model;

namespace LogViewer.Tui.Tests;

/// <summary>Log entries for tests: second n after 2026-01-01T12:00:00Z.</summary>
internal static class Entries
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static LogEntry At(int second, string message, LogLevel level = LogLevel.Info, string? replica = "r-alpha") =>
        new(Nanos.FromDateTimeOffset(Start.AddSeconds(second)), message, replica, null, level);

    public static LogEntry[] Numbered(int from, int count, LogLevel level = LogLevel.Info, string? replica = "r-alpha") =>
        [.. Enumerable.Range(from, count).Select(i => At(i, $"line {i}", level, replica))];
}

/// <summary>A clock that stands still unless told to move; local time is UTC so screens are the same everywhere.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
