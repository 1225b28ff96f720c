using System.Globalization;

namespace LogViewer.Core.Time;

/// <summary>
/// The command line's spellings of durations (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>3d</c>, <c>500ms</c>, and
/// combinations such as <c>1h30m</c>) and points in time (ISO-8601, or epoch milliseconds).
/// </summary>
public static class TimeSyntax
{
    public const string DurationExpectation = "expected a duration like 90s, 15m, 2h or 3d";
    public const string TimeExpectation = "expected an ISO-8601 time like 2026-11-22T20:43:01Z (local time without an offset) or epoch milliseconds like 1763844181000";

    /// <summary>Parses a positive or zero duration made of number-unit pairs (<see cref="Core.Model.DurationSyntax"/>).</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration) => Core.Model.DurationSyntax.TryParse(text, out duration);

    /// <summary>Parses ISO-8601 (an offset or <c>Z</c>, else local time in <paramref name="zone"/>) or epoch milliseconds.</summary>
    public static bool TryParseTime(string? text, TimeZoneInfo zone, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        time = default;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed.All(char.IsAsciiDigit))
        {
            if (trimmed.Length > 15 || !long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            return true;
        }

        // Require the date part in ISO order, so "11/22/2026" is refused rather than guessed.
        if (trimmed.Length < 10 || trimmed[4] != '-' || trimmed[7] != '-')
        {
            return false;
        }

        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        time = parsed.Kind switch
        {
            DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
            DateTimeKind.Local => new DateTimeOffset(parsed),
            _ => new DateTimeOffset(parsed, zone.GetUtcOffset(parsed)),
        };
        return true;
    }
}
