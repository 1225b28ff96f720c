using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// Scrolling back into history in a real terminal, against the embedded simulator (a deployment with two hours of
/// logs): after the window's back-fill, g goes to its start and reads the page before it, and g again reaches
/// lines older than the window asked for; :goto an hour before the window reads a page there, with the gap noted.
/// </summary>
public sealed partial class HistoryEndToEndTests(ITestOutputHelper output)
{
    [TmuxFact]
    public void G_Above_A_Deployments_Loaded_Start_Loads_Older_Lines()
    {
        using var terminal = TmuxTerminal.Start(140, 35);
        terminal.Type($"dotnet '{TuiEndToEndTests.LogViewerDll()}' demo --deployment --since 2m --utc; echo LOGVIEWER-EXITED-$?");
        terminal.SendKeys("Enter");
        var started = DateTimeOffset.UtcNow;

        // The window's two minutes are read (the back-fill's "history:" leaves the status bar)
        var screen = terminal.WaitFor(
            s => FirstPaneTime(s) is not null && s.Contains(" lines ", StringComparison.Ordinal) && !s.Contains("history:", StringComparison.Ordinal),
            "the window read",
            TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
        var windowStart = started - TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(5);

        // g: the window's first line, and the page before it (a thousand lines) is read in place
        var held = HeldLines(screen);
        terminal.SendKeys("g");
        screen = terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && HeldLines(s) >= held + 1000, "the first page of older lines");
        output.WriteLine(screen);

        // g again: lines from before the window are on screen, under the top row that says more can be read
        terminal.SendKeys("g");
        screen = terminal.WaitFor(
            s => FirstPaneTime(s) is { } first && first < windowStart.TimeOfDay && s.Contains("older lines not loaded yet", StringComparison.Ordinal),
            "lines older than the window");
        output.WriteLine(screen);

        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    [TmuxFact]
    public void Goto_An_Hour_Before_The_Loaded_Start_Shows_That_Time_With_The_Gap_Marked()
    {
        using var terminal = TmuxTerminal.Start(160, 35);
        terminal.Type($"dotnet '{TuiEndToEndTests.LogViewerDll()}' demo --deployment --since 5m --utc; echo LOGVIEWER-EXITED-$?");
        terminal.SendKeys("Enter");
        var screen = terminal.WaitFor(
            s => FirstPaneTime(s) is not null && s.Contains(" lines ", StringComparison.Ordinal) && !s.Contains("history:", StringComparison.Ordinal),
            "the window read",
            TimeSpan.FromSeconds(120));
        output.WriteLine(screen);

        // :goto 65 minutes before the newest line: an hour before the window's start
        var target = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(65)).TimeOfDay;
        terminal.SendKeys(":");
        terminal.Type("goto -65m");
        terminal.SendKeys("Enter");
        screen = terminal.WaitFor(
            s => FirstPaneTime(s) is { } first && (first - target).Duration() < TimeSpan.FromMinutes(1) && s.Contains("are not loaded (the gap row)", StringComparison.Ordinal),
            "the lines of an hour before, with the gap noted");
        output.WriteLine(screen);

        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    /// <summary>The lines held, from the status bar ("12,345 lines").</summary>
    private static int HeldLines(string screen) =>
        HeldPattern().Match(screen) is { Success: true } match ? int.Parse(match.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"\| (?<n>[\d,]+) lines \|")]
    private static partial Regex HeldPattern();

    /// <summary>The time of day of the log pane's first row (UTC, as --utc shows it).</summary>
    private static TimeSpan? FirstPaneTime(string screen) =>
        screen.Split('\n').Select(r => UtcTime().Match(r)).FirstOrDefault(m => m.Success) is { } match
            ? TimeSpan.ParseExact(match.Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT(?<time>\d\d:\d\d:\d\d)\.\d+Z")]
    private static partial Regex UtcTime();
}
