namespace LogViewer.Core.Model;

/// <summary>Conversions between epoch nanoseconds (the API's timestamps) and milliseconds (its cursor).</summary>
public static class Nanos
{
    public const long PerMillisecond = 1_000_000L;

    /// <summary>The millisecond a nanosecond timestamp falls in (floor, also for times before 1970).</summary>
    public static long ToEpochMillis(long epochNanos)
    {
        var quotient = Math.DivRem(epochNanos, PerMillisecond, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    public static long FromEpochMillis(long epochMillis) => epochMillis * PerMillisecond;

    public static DateTimeOffset ToDateTimeOffset(long epochNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(epochNanos, 100L).Quotient);

    public static long FromDateTimeOffset(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100L;
}
