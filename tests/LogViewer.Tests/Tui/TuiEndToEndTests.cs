using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// The built <c>logviewer demo</c> in a real terminal (tmux): lines stream with badges, the sidebar shows the
/// replicas, keys filter, cycle the level, hide a replica, jump to an error and show help, and q restores the
/// terminal. Generous timeouts: the machine is shared and the first start JITs everything.
/// </summary>
public sealed partial class TuiEndToEndTests(ITestOutputHelper output)
{
    private const string Exited = "LOGVIEWER-EXITED-";

    [TmuxFact]
    public void Demo_At_80x24_Streams_Filters_Jumps_Shows_Help_And_Quits_Cleanly() => Drive(80, 24);

    [TmuxFact]
    public void Demo_At_200x50_Streams_Filters_Jumps_Shows_Help_And_Quits_Cleanly() => Drive(200, 50);

    private void Drive(int width, int height)
    {
        using var terminal = TmuxTerminal.Start(width, height);
        terminal.Type($"dotnet {Quote(LogViewerDll())} demo; echo {Exited}$?");
        terminal.SendKeys("Enter");

        // Lines stream; the sidebar lists replicas; the status bar names the target.
        var screen = terminal.WaitFor(s => TimePattern().IsMatch(s) && s.Contains("Replicas", StringComparison.Ordinal), "log lines", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
        Assert.Contains("training proj", screen, StringComparison.Ordinal);
        Assert.Contains("all", screen, StringComparison.Ordinal);
        Assert.Equal("1", terminal.Display("#{alternate_on}"));

        // Minimum level DEBUG drops lines without a level: what remains shows its badge.
        terminal.SendKeys("L");
        screen = terminal.WaitFor(s => s.Contains("level >= DEBUG", StringComparison.Ordinal) && BadgePattern().IsMatch(s), "lines with level badges");
        output.WriteLine(screen);

        // Help lists the keys; Esc closes it.
        terminal.SendKeys("?");
        terminal.WaitForText("Keys (? or Esc closes)");
        terminal.WaitForText("next error");
        terminal.SendKeys("Escape");
        terminal.WaitFor(s => !s.Contains("Keys (? or Esc closes)", StringComparison.Ordinal), "help to close");

        // Minimum level cycles on: INFO -> WARNING.
        terminal.SendKeys("L", "L");
        terminal.WaitFor(s => s.Contains("level >= WARNING", StringComparison.Ordinal) && BadgePattern().IsMatch(s) && !InfoOrDebugBadge().IsMatch(s), "only WRN and ERR lines");
        terminal.SendKeys("L", "L");
        terminal.WaitFor(s => !s.Contains("level >=", StringComparison.Ordinal), "the level filter to clear");

        // Jump to the first error from the top: following pauses and an error line is on screen.
        terminal.SendKeys("g", "e");
        screen = terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && s.Contains(" ERR ", StringComparison.Ordinal), "an error line after e");
        output.WriteLine(screen);

        // The quick filter narrows as you type; Enter keeps it as a rule; the panel (Tab) deletes it.
        terminal.SendKeys("/");
        terminal.Type("worker 3");
        terminal.WaitFor(s => LogLines(s).Any() && LogLines(s).All(l => l.Contains("worker 3", StringComparison.OrdinalIgnoreCase)), "only matching lines");
        terminal.SendKeys("Enter");
        terminal.WaitForText("kept as rule 1: in worker 3");
        terminal.SendKeys("Tab");
        terminal.WaitForText("1 [x] in  worker 3");
        terminal.SendKeys("d", "Tab");
        terminal.WaitFor(s => !s.Contains("1 rule", StringComparison.Ordinal) && !s.Contains("Filter rules", StringComparison.Ordinal), "the rule to go");

        // Hide the first replica in the sidebar.
        terminal.SendKeys("]", "x");
        terminal.WaitForText("1 replica hidden");
        terminal.SendKeys("x");
        terminal.WaitFor(s => !s.Contains("hidden", StringComparison.Ordinal), "the replica to show again");

        // q quits and the terminal is as it was: the shell runs the echo, no alternate screen, no mouse reporting.
        terminal.SendKeys("q");
        screen = terminal.WaitForText(Exited + "0");
        output.WriteLine(screen);
        Assert.Equal("0", terminal.Display("#{alternate_on}"));
        Assert.Equal("0", terminal.Display("#{mouse_any_flag}"));
        Assert.DoesNotContain("Replicas", screen, StringComparison.Ordinal);
    }

    /// <summary>The screen rows that show a log line (they carry a time stamp).</summary>
    private static IEnumerable<string> LogLines(string screen) => screen.Split('\n').Where(row => TimePattern().IsMatch(row));

    internal static string LogViewerDll()
    {
        var here = Path.Combine(AppContext.BaseDirectory, "logviewer.dll");
        if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "logviewer.runtimeconfig.json")))
        {
            return here;
        }

        // Fall back to the executable's own build output (same configuration as this test assembly).
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LogViewer.sln")))
        {
            directory = directory.Parent;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var built = Path.Combine(directory?.FullName ?? ".", "src", "LogViewer", "bin", configuration, "net10.0", "logviewer.dll");
        Assert.True(File.Exists(built), $"logviewer.dll not found next to the tests or at {built}; build src/LogViewer first.");
        return built;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\d\d:\d\d:\d\d\.\d\d\d (DBG|INF|WRN|ERR) ")]
    private static partial Regex BadgePattern();

    [GeneratedRegex(@"\d\d:\d\d:\d\d\.\d\d\d ")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\d\d:\d\d:\d\d\.\d\d\d (DBG|INF) ")]
    private static partial Regex InfoOrDebugBadge();
}
