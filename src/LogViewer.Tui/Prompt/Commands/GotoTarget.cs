using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Core.Time;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// Where <c>:goto</c> goes, as typed: a local time of day (<c>14:05</c>, <c>14:05:30.250</c>), a full ISO-8601
/// time (<c>2026-11-22T14:05</c>, with an offset or <c>Z</c>, else local), or a distance back from the newest
/// line (<c>-15m</c>, <c>-1h30m</c>). <see cref="Resolve"/> turns it into epoch nanoseconds once the newest line
/// is known.
/// </summary>
internal abstract record GotoTarget
{
    public const string Expectation = "expected HH:MM[:SS[.fff]] (local), an ISO-8601 time like 2026-11-22T14:05, or -15m (before the newest line)";

    /// <summary>The time in epoch nanoseconds, given the newest line's timestamp.</summary>
    public abstract long Resolve(long newestNanos);

    public static bool TryParse(string text, TimeZoneInfo zone, out GotoTarget target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        target = null!;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed[0] == '-')
        {
            if (!TimeSyntax.TryParseDuration(trimmed[1..], out var back))
            {
                return false;
            }

            target = new BeforeNewest(back);
            return true;
        }

        if (TryParseTimeOfDay(trimmed, out var timeOfDay))
        {
            target = new LocalTimeOfDay(timeOfDay, zone);
            return true;
        }

        if (TimeSyntax.TryParseTime(trimmed, zone, out var time))
        {
            target = new Absolute(time);
            return true;
        }

        return false;
    }

    /// <summary><c>HH:MM</c>, <c>HH:MM:SS</c>, <c>HH:MM:SS.f</c> up to nanoseconds.</summary>
    private static bool TryParseTimeOfDay(string text, out TimeSpan timeOfDay)
    {
        timeOfDay = default;
        var fraction = 0L;
        var main = text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var digits = text[(dot + 1)..];
            if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit))
            {
                return false;
            }

            fraction = long.Parse(digits.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
            main = text[..dot];
        }

        var parts = main.Split(':');
        if (parts.Length is < 2 or > 3 || (dot >= 0 && parts.Length != 3))
        {
            return false;
        }

        var limits = new[] { 23, 59, 59 };
        var values = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is 0 or > 2 || !parts[i].All(char.IsAsciiDigit))
            {
                return false;
            }

            values[i] = int.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture);
            if (values[i] > limits[i])
            {
                return false;
            }
        }

        timeOfDay = new TimeSpan(values[0], values[1], values[2]) + TimeSpan.FromTicks(fraction / 100);
        return true;
    }

    /// <summary>A point in time.</summary>
    internal sealed record Absolute(DateTimeOffset Time) : GotoTarget
    {
        public override long Resolve(long newestNanos) => Nanos.FromDateTimeOffset(Time);
    }

    /// <summary>This long before the newest line.</summary>
    internal sealed record BeforeNewest(TimeSpan Back) : GotoTarget
    {
        public override long Resolve(long newestNanos) => newestNanos - (Back.Ticks * 100);
    }

    /// <summary>
    /// A wall-clock time in <paramref name="Zone"/>: the latest such moment at or before the newest line (so
    /// <c>:goto 23:50</c> after midnight means yesterday's), as less and lnav read a bare time.
    /// </summary>
    internal sealed record LocalTimeOfDay(TimeSpan TimeOfDay, TimeZoneInfo Zone) : GotoTarget
    {
        public override long Resolve(long newestNanos)
        {
            var newest = TimeZoneInfo.ConvertTime(Nanos.ToDateTimeOffset(newestNanos), Zone);
            var day = newest.Date;
            var candidate = At(day);
            if (candidate > newest)
            {
                candidate = At(day.AddDays(-1));
            }

            return Nanos.FromDateTimeOffset(candidate);
        }

        private DateTimeOffset At(DateTime day)
        {
            var local = day + TimeOfDay;
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }
    }
}
