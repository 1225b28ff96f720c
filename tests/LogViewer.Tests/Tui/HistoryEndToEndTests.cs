using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// Scrolling back into history in a real terminal, against the embedded simulator (a deployment with two hours of
/// logs): after the window's back-fill, g goes to its start and reads the page before it, and g again reaches
/// lines older than the window asked for.
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

        // g: the window's first line, and the page before it is read in place
        terminal.SendKeys("g");
        screen = terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && !s.Contains("loading older lines", StringComparison.Ordinal), "the first page of older lines");
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

    /// <summary>The time of day of the log pane's first row (UTC, as --utc shows it).</summary>
    private static TimeSpan? FirstPaneTime(string screen) =>
        screen.Split('\n').Select(r => UtcTime().Match(r)).FirstOrDefault(m => m.Success) is { } match
            ? TimeSpan.ParseExact(match.Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT(?<time>\d\d:\d\d:\d\d)\.\d+Z")]
    private static partial Regex UtcTime();
}
