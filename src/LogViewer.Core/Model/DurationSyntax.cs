using System.Globalization;

namespace LogViewer.Core.Model;

/// <summary>
/// Durations as users type them on the command line and in the <c>:</c> prompt: number-unit pairs such as
/// <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>3d</c>, <c>1h30m</c>, <c>500ms</c>; and the short form they are shown in.
/// </summary>
public static class DurationSyntax
{
    /// <summary>Parses a positive or zero duration made of number-unit pairs.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = (text ?? string.Empty).Trim().AsSpan();
        if (rest.IsEmpty)
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits > 9)
            {
                return false;
            }

            var number = long.Parse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            rest = rest[digits..];
            var unitLength = 0;
            while (unitLength < rest.Length && char.IsAsciiLetter(rest[unitLength]))
            {
                unitLength++;
            }

            TimeSpan? part = rest[..unitLength] switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                "d" => TimeSpan.FromDays(number),
                _ => null,
            };
            if (part is null)
            {
                return false;
            }

            duration += part.Value;
            rest = rest[unitLength..];
        }

        return true;
    }

    /// <summary>"7d", "2h", "90m", "45s": the largest whole unit that states the duration exactly, else seconds.</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0s",
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => $"{(long)duration.TotalDays}d",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)duration.TotalHours}h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)duration.TotalMinutes}m",
        _ => $"{(long)duration.TotalSeconds}s",
    };
}
