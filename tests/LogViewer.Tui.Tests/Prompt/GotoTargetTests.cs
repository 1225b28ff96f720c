using LogViewer.Core.Model;
using LogViewer.Tui.Prompt.Commands;

namespace LogViewer.Tui.Tests.Prompt;

public sealed class GotoTargetTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.CreateCustomTimeZone("plus-one", TimeSpan.FromHours(1), "plus-one", "plus-one");

    // The newest line: 2026-01-01T12:00:00Z, 13:00 local in a UTC+1 zone.
    private static readonly long Newest = Nanos.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("12:30", "2026-01-01T11:30:00.0000000+00:00")]
    [InlineData("12:30:15", "2026-01-01T11:30:15.0000000+00:00")]
    [InlineData("12:30:15.250", "2026-01-01T11:30:15.2500000+00:00")]
    [InlineData("13:00", "2026-01-01T12:00:00.0000000+00:00")]
    [InlineData("23:50", "2025-12-31T22:50:00.0000000+00:00")] // later than the newest line today: yesterday's
    [InlineData("2026-01-01T09:00", "2026-01-01T08:00:00.0000000+00:00")] // ISO without offset: local
    [InlineData("2026-01-01T09:00:00Z", "2026-01-01T09:00:00.0000000+00:00")]
    [InlineData("-15m", "2026-01-01T11:45:00.0000000+00:00")]
    [InlineData("-1h30m", "2026-01-01T10:30:00.0000000+00:00")]
    public void Every_Form_Resolves_Against_The_Newest_Line(string typed, string expected)
    {
        // Given a typed :goto argument, when it is parsed in a UTC+1 zone and resolved
        Assert.True(GotoTarget.TryParse(typed, Berlin, out var target));
        var resolved = Nanos.ToDateTimeOffset(target.Resolve(Newest)).ToUniversalTime();

        // Then it names the expected moment
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), resolved);
    }

    [Theory]
    [InlineData("")]
    [InlineData("noon")]
    [InlineData("25:00")]
    [InlineData("12:60")]
    [InlineData("12:30.5")]
    [InlineData("-15x")]
    [InlineData("11/22/2026")]
    public void Other_Text_Is_Refused(string typed) => Assert.False(GotoTarget.TryParse(typed, Berlin, out _));
}
