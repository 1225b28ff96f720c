using LogViewer.Core.Model;
using LogViewer.Core.Tail;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Views;

/// <summary>
/// The status and sidebar rates are lines per second of log time over the last minute of the logs: a replay read in
/// one go shows the rate the job logged at, not how fast the file was read; a live tail's minute ends now.
/// </summary>
public sealed class LogTimeRateTests(ITestOutputHelper output)
{
    // One line every 100 ms on r-alpha (10/s) and one every 500 ms on r-beta (2/s) over two minutes of log time.
    private static LogEntry[] TwoMinutesOfLogs(DateTimeOffset start) =>
    [
        .. Enumerable.Range(0, 1200).Select(i => new LogEntry(Nanos.FromDateTimeOffset(start.AddMilliseconds(i * 100)), $"a {i}", "r-alpha", null, LogLevel.Info)),
        .. Enumerable.Range(0, 240).Select(i => new LogEntry(Nanos.FromDateTimeOffset(start.AddMilliseconds(i * 500)), $"b {i}", "r-beta", null, LogLevel.Info)),
    ];

    private static string StatusRow(ViewerHarness viewer) => viewer.Rows[viewer.RowOf(" lines | ")];

    private static string SidebarRow(ViewerHarness viewer, string replica) =>
        viewer.Rows.Select(r => r[..22]).First(r => r.Contains(replica, StringComparison.Ordinal));

    [Fact]
    public void A_Replay_Read_At_Once_Shows_The_Rate_It_Was_Logged_At()
    {
        using var viewer = new ViewerHarness(width: 120, maxLines: 10_000);

        viewer.Status(new TailStatus(TailState.Ended, viewer.Time.GetUtcNow(), "Read 1,440 lines."));
        viewer.Feed([.. TwoMinutesOfLogs(Entries.Start.AddHours(-3)).OrderBy(e => e.TimestampNanos)]);
        output.WriteLine(viewer.Screen);

        // 1,440 lines arrived in one batch: an arrival rate would be hundreds per second.
        Assert.Contains(" 12/s", StatusRow(viewer), StringComparison.Ordinal);
        Assert.Matches(@"r-alpha +1,?200 10/s", SidebarRow(viewer, "r-alpha"));
        Assert.Matches(@"r-beta +240 2/s", SidebarRow(viewer, "r-beta"));
    }

    [Fact]
    public void A_Live_Tail_Counts_The_Minute_Before_Now_So_A_Quiet_Target_Falls_To_Zero()
    {
        using var viewer = new ViewerHarness(width: 120, maxLines: 10_000);
        var now = viewer.Time.GetUtcNow();

        viewer.Status(new TailStatus(TailState.Live, now, "Live.") { LastPollAt = now });
        viewer.Feed([.. TwoMinutesOfLogs(now.AddMinutes(-2)).OrderBy(e => e.TimestampNanos)]);
        output.WriteLine(viewer.Screen);
        // The minute ends now, in the second in progress, which has no line yet: 708 lines over 60 s.
        Assert.Contains(" 11.8/s", StatusRow(viewer), StringComparison.Ordinal);

        // Ten minutes on with nothing new: the last minute of a live tail is silent.
        viewer.Time.Now = now.AddMinutes(10);
        viewer.Status(new TailStatus(TailState.Live, viewer.Time.GetUtcNow(), "Live.") { LastPollAt = viewer.Time.GetUtcNow() });
        viewer.Clock.AdvanceBy(TimeSpan.FromSeconds(1)); // the viewer's clock tick re-reads the figures
        viewer.Draw();
        output.WriteLine(viewer.Screen);
        Assert.Contains(" 0/s", StatusRow(viewer), StringComparison.Ordinal);
        Assert.Matches(@"r-alpha +1,?200 0/s", SidebarRow(viewer, "r-alpha"));
    }
}
