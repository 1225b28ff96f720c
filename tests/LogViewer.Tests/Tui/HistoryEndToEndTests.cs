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

        // The window's two minutes are on screen
        var screen = terminal.WaitFor(s => FirstPaneTime(s) is not null && s.Contains(" lines ", StringComparison.Ordinal), "log lines", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
        var windowStart = (started - TimeSpan.FromMinutes(2)).TimeOfDay;

        // g, as a user presses it until the top stops moving: the window's first line (once its back-fill is done),
        // then each g reads the page before the top and goes to it
        var older = false;
        for (var press = 0; press < 12 && !older; press++)
        {
            terminal.SendKeys("g");
            try
            {
                screen = terminal.WaitFor(
                    s => FirstPaneTime(s) is { } first && first < windowStart - TimeSpan.FromSeconds(10),
                    "lines older than the window",
                    TimeSpan.FromSeconds(10));
                older = true;
            }
            catch (TimeoutException)
            {
                // Still reading the window or the page: press again.
            }
        }

        output.WriteLine(screen);
        Assert.True(older, "g never reached lines older than the window:\n" + terminal.Capture());
        Assert.Contains("PAUSED", screen, StringComparison.Ordinal);

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

        // :goto 65 minutes before the newest line, an hour before the window's start (again, as a user would, if the
        // window's back-fill was still reading it: it answers with the nearest loaded line then)
        var target = (DateTimeOffset.UtcNow - TimeSpan.FromMinutes(65)).TimeOfDay;
        var shown = false;
        for (var attempt = 0; attempt < 6 && !shown; attempt++)
        {
            terminal.SendKeys(":");
            terminal.Type("goto -65m");
            terminal.SendKeys("Enter");
            try
            {
                screen = terminal.WaitFor(
                    s => FirstPaneTime(s) is { } first && (first - target).Duration() < TimeSpan.FromMinutes(1) && s.Contains("are not loaded (the gap row)", StringComparison.Ordinal),
                    "the lines of an hour before, with the gap noted",
                    TimeSpan.FromSeconds(10));
                shown = true;
            }
            catch (TimeoutException)
            {
            }
        }

        output.WriteLine(screen);
        Assert.True(shown, "the lines of an hour before never showed:\n" + terminal.Capture());

        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    /// <summary>The time of day of the log pane's first row (UTC, as --utc shows it).</summary>
    private static TimeSpan? FirstPaneTime(string screen) =>
        screen.Split('\n').Select(r => UtcTime().Match(r)).FirstOrDefault(m => m.Success) is { } match
            ? TimeSpan.ParseExact(match.Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT(?<time>\d\d:\d\d:\d\d)\.\d+Z")]
    private static partial Regex UtcTime();
}
