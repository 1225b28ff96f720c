using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Drawing;

/// <summary>Formats the time column in each <see cref="TimeFormat"/>.</summary>
internal static class TimeColumn
{
    public static int WidthOf(TimeFormat format) => format switch
    {
        TimeFormat.LocalTime => 12,
        TimeFormat.UtcIso => 24,
        TimeFormat.Relative => 8,
        _ => 19,
    };

    public static string Format(long epochNanos, TimeFormat format, DateTimeOffset now, TimeZoneInfo localZone)
    {
        ArgumentNullException.ThrowIfNull(localZone);
        var time = Nanos.ToDateTimeOffset(epochNanos);
        return format switch
        {
            TimeFormat.LocalTime => TimeZoneInfo.ConvertTime(time, localZone).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
            TimeFormat.UtcIso => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            TimeFormat.Relative => Ago(now - time),
            _ => epochNanos.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>"12s ago", "5m ago", "3h ago", "2d ago"; "now" under a second; "in 3s" for clock skew.</summary>
    public static string Ago(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            return age > TimeSpan.FromSeconds(-1) ? "now" : "in " + Short(-age);
        }

        return age < TimeSpan.FromSeconds(1) ? "now" : Short(age) + " ago";
    }

    private static string Short(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => $"{(int)span.TotalSeconds}s",
        < 3600 => $"{(int)span.TotalMinutes}m",
        < 86400 => $"{(int)span.TotalHours}h",
        _ => $"{(int)span.TotalDays}d",
    };
}
