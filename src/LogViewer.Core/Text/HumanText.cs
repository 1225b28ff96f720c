using System.Globalization;

namespace LogViewer.Core.Text;

/// <summary>Counts and durations as the status line and messages show them: short, and the same everywhere.</summary>
public static class HumanText
{
    /// <summary>1234 -> "1234", 12345 -> "12k", 1234567 -> "1.2M": keeps a column narrow.</summary>
    public static string Compact(long value) => value switch
    {
        < 10_000 => value.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => (value / 1000).ToString(CultureInfo.InvariantCulture) + "k",
        _ => (value / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + "M",
    };

    /// <summary>250 ms, 4.5 s, 3 min 20 s, 2 h, 1 d 3 h: the two largest units that matter.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => $"{Math.Max(0, span.TotalMilliseconds):0} ms",
        { TotalMinutes: < 1 } => $"{span.TotalSeconds:0.#} s",
        { TotalHours: < 1, Seconds: 0 } => $"{(int)span.TotalMinutes} min",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        { TotalDays: < 1, Minutes: 0 } => $"{(int)span.TotalHours} h",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        { Hours: 0 } => $"{(int)span.TotalDays} d",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
