namespace LogViewer.Tui.State;

/// <summary>How the time column is drawn; one key cycles through them in this order.</summary>
internal enum TimeFormat
{
    /// <summary>Local wall clock, <c>HH:mm:ss.fff</c>.</summary>
    LocalTime,

    /// <summary>UTC ISO 8601 with milliseconds.</summary>
    UtcIso,

    /// <summary>Age relative to now: "12s ago".</summary>
    Relative,

    /// <summary>The API's raw epoch nanoseconds, nothing lost.</summary>
    EpochNanos,
}
