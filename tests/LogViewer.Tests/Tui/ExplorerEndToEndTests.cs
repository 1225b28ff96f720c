using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// The explorer keys in a real terminal over the demo's failing training job: jump to the first error, open its
/// detail pane, copy it over OSC 52 (read back from tmux's paste buffer), and write the filtered view to a file
/// whose lines are counted and replayed.
/// </summary>
public sealed partial class ExplorerEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("logviewer-explorer-e2e-");

    public void Dispose() => _directory.Delete(recursive: true);

    [TmuxFact]
    public void First_Error_Detail_Copy_And_Write_Work_In_A_Real_Terminal()
    {
        using var terminal = TmuxTerminal.Start(160, 45);
        terminal.SetServerOption("set-clipboard", "on");
        terminal.Type($"dotnet {Quote(TuiEndToEndTests.LogViewerDll())} demo; echo LOGVIEWER-EXITED-$?");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => TimePattern().IsMatch(s) && s.Contains("Replicas", StringComparison.Ordinal), "log lines", TimeSpan.FromSeconds(120));

        // g e: the first error entry is at the top of the pane.
        terminal.SendKeys("g", "e");
        var screen = terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && FirstPaneRow(s) is { } row && row.Contains(" ERR ", StringComparison.Ordinal), "the first error at the top");
        output.WriteLine(screen);
        var message = MessageOf(FirstPaneRow(screen)!);

        // Enter: the detail pane shows its fields; Esc closes it.
        terminal.SendKeys("Enter");
        screen = terminal.WaitForText("level      ERROR");
        output.WriteLine(screen);
        Assert.Contains(" ns", screen, StringComparison.Ordinal);
        Assert.Contains("replica", screen, StringComparison.Ordinal);
        terminal.SendKeys("Escape");
        terminal.WaitFor(s => !s.Contains("level      ERROR", StringComparison.Ordinal), "the detail pane to close");

        // c: copied over OSC 52 into tmux's paste buffer, the status says how much.
        terminal.SendKeys("c");
        screen = terminal.WaitForText("copied 1 entry");
        var buffer = WaitForBuffer(terminal);
        output.WriteLine(buffer);
        Assert.Contains(message, buffer, StringComparison.Ordinal);
        Assert.Contains("ERROR", buffer, StringComparison.Ordinal);

        // :write the view narrowed to errors, then count its lines and replay it.
        terminal.SendKeys("L", "L", "L", "L");
        terminal.WaitForText("level >= ERROR");
        var path = Path.Combine(_directory.FullName, "errors.jsonl");
        terminal.SendKeys(":");
        terminal.Type($"write {path}");
        terminal.SendKeys("Enter");
        screen = terminal.WaitFor(s => WrotePattern().IsMatch(s), "the write to finish");
        output.WriteLine(screen);
        var wrote = WrotePattern().Match(screen);
        var lines = long.Parse(wrote.Groups["lines"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lines > 0);
        Assert.Equal(lines, File.ReadLines(path).LongCount());
        Assert.All(File.ReadLines(path), l => Assert.Contains("\"level\":\"ERROR\"", l, StringComparison.Ordinal));
        Assert.Equal(lines, Replay(path).Length);

        // :write again refuses to overwrite.
        terminal.SendKeys(":");
        terminal.Type($"write {path}");
        terminal.SendKeys("Enter");
        terminal.WaitForText("exists: :write!");

        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    [TmuxFact]
    public void R_Traces_A_Request_Of_The_Demo_Deployment_And_I_Shows_Request_Ids()
    {
        using var terminal = TmuxTerminal.Start(160, 45);
        terminal.Type($"dotnet {Quote(TuiEndToEndTests.LogViewerDll())} demo --deployment; echo LOGVIEWER-EXITED-$?");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => s.Contains("Received POST", StringComparison.Ordinal), "a request's first line", TimeSpan.FromSeconds(120));

        // I: the short request-id column: eight hex characters before the message.
        terminal.SendKeys("I");
        var screen = terminal.WaitFor(s => RequestColumnPattern().IsMatch(s), "the request-id column");
        output.WriteLine(screen);

        // Once the window has back-filled (the viewer reads it newest first), narrow to the requests' first lines,
        // take the oldest, and r: the trace opens with the whole id in its title.
        terminal.WaitFor(s => s.Contains("| live, polled", StringComparison.Ordinal) && !s.Contains("history: ", StringComparison.Ordinal), "the window's history to be read", TimeSpan.FromSeconds(60));
        terminal.SendKeys("/");
        terminal.Type("Received POST");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => NarrowedCountPattern().IsMatch(s), "the narrowed count in the status, as a user sees before moving");
        terminal.SendKeys("g", "r");
        screen = terminal.WaitFor(s => TraceTitlePattern().IsMatch(s) && s.Contains("more from the server", StringComparison.Ordinal), "the request trace with the server's lines");
        output.WriteLine(screen);
        var id = TraceTitlePattern().Match(screen).Groups["id"].Value;
        Assert.Contains("+0.000s", screen, StringComparison.Ordinal);
        Assert.Contains("Received POST", screen, StringComparison.Ordinal);

        // Every row of the trace is of that request: the server's answer to request_id, merged with what was held.
        Assert.Matches(@"\d+ held, \d+ more from the server", screen);

        // Esc returns to the pane, still narrowed, the column still on.
        terminal.SendKeys("Escape");
        screen = terminal.WaitFor(s => !TraceTitlePattern().IsMatch(s), "the trace to close");
        Assert.Contains(id[..8], screen, StringComparison.Ordinal);

        terminal.SendKeys("q");
        terminal.WaitForText("LOGVIEWER-EXITED-0");
    }

    private static string WaitForBuffer(TmuxTerminal terminal)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (terminal.ShowBuffer() is { Length: > 0 } buffer)
            {
                return buffer;
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException("tmux has no paste buffer: the OSC 52 copy did not arrive");
    }

    private static string[] Replay(string path)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(TuiEndToEndTests.LogViewerDll());
        start.ArgumentList.Add("replay");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("jsonl");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)));
        Assert.Equal(0, process.ExitCode);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The log pane's first row (right of the sidebar).</summary>
    private static string? FirstPaneRow(string screen) => screen.Split('\n').Select(r => r.Length > 22 ? r[22..] : string.Empty).FirstOrDefault(r => TimePattern().IsMatch(r));

    /// <summary>The message part of a pane row: after time, badge and replica columns.</summary>
    private static string MessageOf(string row)
    {
        var match = RowPattern().Match(row);
        Assert.True(match.Success, row);
        return match.Groups["message"].Value.TrimEnd('│', ' ')[..Math.Min(30, match.Groups["message"].Value.TrimEnd('│', ' ').Length)];
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\d\d:\d\d:\d\d\.\d\d\d ")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\d\d:\d\d:\d\d\.\d\d\d.(DBG|INF|WRN|ERR)\s+\S+\s+(?<message>.+)$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"\| [\d,]+/[\d,]+ lines \|")]
    private static partial Regex NarrowedCountPattern();

    [GeneratedRegex(@"Request (?<id>[0-9a-f]{32}): \d+ lines")]
    private static partial Regex TraceTitlePattern();

    [GeneratedRegex(@" [0-9a-f]{8} Received POST")]
    private static partial Regex RequestColumnPattern();

    [GeneratedRegex(@"wrote (?<entries>[\d,]+) entries \((?<lines>[\d,]+) lines\) to")]
    private static partial Regex WrotePattern();
}
