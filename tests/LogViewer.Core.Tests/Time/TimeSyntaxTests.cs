using LogViewer.Core.Time;

namespace LogViewer.Core.Tests.Time;

public sealed class TimeSyntaxTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("15m", 900_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("3d", 259_200_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData(" 0s ", 0)]
    public void Durations_Are_Read(string text, long expectedMillis)
    {
        Assert.True(TimeSyntax.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMillis), duration);
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("1 h")]
    [InlineData("9999999999s")]
    public void Bad_Durations_Are_Refused(string text) => Assert.False(TimeSyntax.TryParseDuration(text, out _));

    [Theory]
    [InlineData("2026-11-22T20:43:01Z", "2026-11-22T20:43:01+00:00")]
    [InlineData("2026-11-22T20:43:01.250+02:00", "2026-11-22T18:43:01.250+00:00")]
    [InlineData("1763844181000", "2025-11-22T20:43:01+00:00")]
    public void Times_With_An_Offset_Or_Epoch_Millis_Are_Exact(string text, string expectedUtc)
    {
        Assert.True(TimeSyntax.TryParseTime(text, TimeZoneInfo.Utc, out var time));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Fact]
    public void A_Time_Without_Offset_Is_Local_To_The_Given_Zone()
    {
        // Given a zone two hours east of UTC
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

        // When a time without offset is read
        Assert.True(TimeSyntax.TryParseTime("2026-11-22T20:00:00", zone, out var time));

        // Then it is that wall-clock time in the zone
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero), time);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("11/22/2026")]
    [InlineData("2026-13-40T00:00:00Z")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void Bad_Times_Are_Refused(string text) => Assert.False(TimeSyntax.TryParseTime(text, TimeZoneInfo.Utc, out _));
}
