using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>The timeline strip in a real 80x24 terminal over the demo's training job: T, move the cursor, Enter.</summary>
public sealed partial class TimelineEndToEndTests(ITestOutputHelper output)
{
    [TmuxFact]
    public void T_Then_H_And_Enter_Put_The_Oldest_Buckets_First_Entry_At_The_Top()
    {
        // Given: ten minutes of the demo job, read whole (a closed range, so the buckets stay put).
        using var terminal = TmuxTerminal.Start(80, 24);
        terminal.Type($"dotnet '{TuiEndToEndTests.LogViewerDll()}' demo --since 10m --no-follow; echo LOGVIEWER-EXITED-$?");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => ReadPattern().IsMatch(s), "the range read whole", TimeSpan.FromSeconds(120));

        // When: T opens the strip; its header names the newest bucket, the level row and the axis are there.
        terminal.SendKeys("T");
        var screen = terminal.WaitFor(s => BucketPattern().IsMatch(s) && s.Contains("E/W", StringComparison.Ordinal), "the timeline strip");
        output.WriteLine(screen);
        Assert.Contains("▲", screen, StringComparison.Ordinal);

        // When: H goes to the oldest bucket, l one on, and Enter jumps there.
        terminal.SendKeys("H", "l");
        var newest = BucketPattern().Match(screen).Value;
        screen = terminal.WaitFor(s => BucketPattern().Match(s) is { Success: true } m && m.Value != newest, "the cursor to move");
        terminal.SendKeys("Enter");
        screen = terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal), "the pane to pause at the bucket");
        output.WriteLine(screen);

        // Then: the pane's first row is in the cursor's bucket, and the strip has handed the keys back (j moves the pane).
        var bucket = BucketPattern().Match(screen);
        var first = screen.Split('\n').Select(r => r.Length > 22 ? r[22..] : string.Empty).First(r => TimePattern().IsMatch(r));
        var time = TimeSpan.ParseExact(TimePattern().Match(first).Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var from = TimeSpan.ParseExact(bucket.Groups["from"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var to = TimeSpan.ParseExact(bucket.Groups["to"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        to = to <= from ? to + TimeSpan.FromDays(1) : to; // a bucket ending at midnight
        Assert.InRange(time < from ? time + TimeSpan.FromDays(1) : time, from, to - TimeSpan.FromTicks(1));
        Assert.DoesNotContain("←h l→", screen, StringComparison.Ordinal);

        terminal.SendKeys("T");
        terminal.WaitForText("←h l→");
        terminal.SendKeys("Escape");
        terminal.WaitFor(s => !s.Contains("E/W", StringComparison.Ordinal), "the strip to close");
        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    [GeneratedRegex(@"read [\d,]+ lines")]
    private static partial Regex ReadPattern();

    [GeneratedRegex(@"(?<from>\d\d:\d\d:\d\d)-(?<to>\d\d:\d\d:\d\d) [\d,]+ lines")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^(?<time>\d\d:\d\d:\d\d)\.\d\d\d ")]
    private static partial Regex TimePattern();
}
