using LogViewer.Core.Tail;
using LogViewer.Tui.Drawing;
using LogViewer.Tui.State;
using LogViewer.Tui.Views;

namespace LogViewer.Tui.Tests.Views;

public sealed class StatusTextTests
{
    private static readonly DateTimeOffset Now = Entries.Start;

    [Fact]
    public void Tail_States_Read_As_Short_Phrases()
    {
        Assert.Equal("connecting", StatusText.Tail(null, Now));
        Assert.Equal("live, polled 4s ago", StatusText.Tail(new TailStatus(TailState.Live, Now, "") { LastPollAt = Now.AddSeconds(-4) }, Now));
        Assert.Equal("catching up, 5m behind", StatusText.Tail(new TailStatus(TailState.CatchingUp, Now, "") { Behind = TimeSpan.FromMinutes(5) }, Now));
        Assert.Equal("retrying in 30s: server error", StatusText.Tail(new TailStatus(TailState.Retrying, Now, "") { Reason = RetryReason.ServerError, RetryAt = Now.AddSeconds(30) }, Now));
        Assert.Equal("error: API key rejected", StatusText.Tail(new TailStatus(TailState.Fatal, Now, "API key rejected"), Now));
        Assert.Equal("reading big.jsonl, 41%", StatusText.Tail(new TailStatus(TailState.CatchingUp, Now, "reading big.jsonl") { Activity = "reading big.jsonl, 41%" }, Now));
        Assert.Equal("waiting for job (QUEUED)", StatusText.Tail(new TailStatus(TailState.WaitingForJob, Now, "") { JobStatus = "QUEUED" }, Now));
    }

    [Fact]
    public void Narrow_Terminals_Drop_The_Least_Important_Segments_First()
    {
        var state = new ViewerState
        {
            Now = Now,
            Following = false,
            NewWhilePaused = 12,
            Figures = new LogFigures(2000, 500, 1500, 300, 40, []),
            TailStatus = new TailStatus(TailState.Live, Now, "") { LastPollAt = Now.AddSeconds(-1), JobStatus = "RUNNING" },
            Lifecycle = LifecycleState.None with { JobStatus = "RUNNING" },
        };

        var wide = StatusText.For(state, "training project p / job j", 200);
        var narrow = StatusText.For(state, "training project p / job j", 40);

        var middle = StatusText.For(state, "training project p / job j", 85);

        Assert.Equal("training project p / job j | job RUNNING | live, polled 1s ago | 300/1,500 lines | 40/s | 500 evicted | PAUSED 12 new", wide);
        Assert.Equal("training proje~ | job RUNNING | live, polled 1s ago | 300/1,500 lines | PAUSED 12 new", middle);
        Assert.True(middle.Length <= 85);
        Assert.Equal("live, polled 1s ago | PAUSED 12 new", narrow);
    }

    [Fact]
    public void The_Back_Fill_Says_How_Far_Back_It_Has_Read_And_Where_It_Stopped()
    {
        // Given a back-fill of the two hours before now, read back to 71 minutes before now (59% of it)
        var from = Now.AddHours(-2).ToUnixTimeMilliseconds();
        var to = Now.ToUnixTimeMilliseconds();
        var backTo = Now.AddMinutes(-71);
        var filling = new HistoryProgress(from, to, backTo.ToUnixTimeMilliseconds());
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");
        ViewerState With(HistoryProgress history, TimeFormat format = TimeFormat.LocalTime) => new()
        {
            Now = Now,
            LocalZone = zone,
            TimeFormat = format,
            Figures = new LogFigures(2000, 0, 2000, 2000, 40, []),
            TailStatus = new TailStatus(TailState.Live, Now, "") { LastPollAt = Now, History = history },
        };
        var local = backTo.ToOffset(TimeSpan.FromHours(2)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        // Then the status shows it in local time (UTC with the UTC format), where it stopped, and nothing once complete
        Assert.Equal($"history: back to {local}, 59%", StatusText.History(With(filling)));
        Assert.Equal($"history: back to {backTo.UtcDateTime:HH:mm}Z, 59%", StatusText.History(With(filling, TimeFormat.UtcIso)));
        Assert.Equal($"history: stopped at {local} (--max-lines)", StatusText.History(With(filling with { StoppedAtLimit = true })));
        Assert.Equal(string.Empty, StatusText.History(With(filling with { Complete = true })));
        Assert.Contains($" | 2,000 lines | history: back to {local}, 59% | ", StatusText.For(With(filling), "deployment d", 200), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Closed_Range_Says_Reading_And_Then_What_It_Read_Never_Behind()
    {
        var read = new HistoryProgress(Now.AddHours(-1).ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds(), Now.AddMinutes(-20).ToUnixTimeMilliseconds())
        {
            ClosedRange = true,
            Lines = 12_345,
        };
        ViewerState With(TailStatus status) => new() { Now = Now, Figures = new LogFigures(12_345, 0, 12_345, 12_345, 0, []), TailStatus = status };

        var reading = StatusText.For(With(new TailStatus(TailState.CatchingUp, Now, "") { History = read }), "deployment d", 200);
        var done = StatusText.For(With(new TailStatus(TailState.Ended, Now, "") { History = read with { Complete = true } }), "deployment d", 200);

        Assert.Contains(" | reading | ", reading, StringComparison.Ordinal);
        Assert.Contains("history: back to 11:40, 33%", reading, StringComparison.Ordinal);
        Assert.Contains(" | read 12,345 lines 11:00-12:00 | ", done, StringComparison.Ordinal);
        Assert.DoesNotContain("behind", reading + done, StringComparison.Ordinal);
        Assert.DoesNotContain("history:", done, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.4, "now")]
    [InlineData(12, "12s ago")]
    [InlineData(125, "2m ago")]
    [InlineData(7200, "2h ago")]
    [InlineData(-5, "in 5s")]
    public void Ages_Are_Short(double seconds, string expected)
    {
        Assert.Equal(expected, TimeColumn.Ago(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Time_Column_Formats_Local_Utc_Relative_And_Nanoseconds()
    {
        var nanos = Core.Model.Nanos.FromDateTimeOffset(Now) + 123_456_789;
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

        Assert.Equal("14:00:00.123", TimeColumn.Format(nanos, TimeFormat.LocalTime, Now, zone));
        Assert.Equal("2026-01-01T12:00:00.123Z", TimeColumn.Format(nanos, TimeFormat.UtcIso, Now, zone));
        Assert.Equal("12s ago", TimeColumn.Format(nanos, TimeFormat.Relative, Now.AddSeconds(12.5), zone));
        Assert.Equal(nanos.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeColumn.Format(nanos, TimeFormat.EpochNanos, Now, zone));
    }

    [Fact]
    public void Replica_Colours_Are_Stable_And_Spread()
    {
        Assert.Equal(ReplicaPalette.ColorOf("r-7f9c2"), ReplicaPalette.ColorOf("r-7f9c2"));
        var colours = Enumerable.Range(0, 40).Select(i => ReplicaPalette.ColorOf($"replica-{i}")).Distinct().Count();
        Assert.True(colours >= 6, $"only {colours} colours for 40 replicas");
    }
}
