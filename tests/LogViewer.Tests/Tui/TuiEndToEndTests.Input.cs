using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// Input as it arrives over SSH, in a real terminal: keys bunched with no delay between them, a 200-key burst, the
/// mouse wheel and clicks as SGR mouse reports, and wide or invisible characters while scrolling and under help.
/// </summary>
public sealed partial class TuiEndToEndTests
{
    [TmuxFact]
    public void Esc_Then_A_Key_Sent_Together_Acts_As_Esc_Then_The_Key()
    {
        using var file = NumberedLog(300);
        using var terminal = StartReplay(file.Path, 100, 30);

        // Help open; Esc and q arrive in one write, as over SSH
        terminal.SendKeys("?");
        terminal.WaitForText("Keys (? or Esc closes)");
        terminal.SendKeys("Escape", "q");

        // Then help closes and q quits
        var screen = terminal.WaitForText(Exited + "0");
        Assert.DoesNotContain("Keys (? or Esc closes)", screen, StringComparison.Ordinal);
    }

    [TmuxFact]
    public void A_Burst_Of_200_Keys_Is_Processed_In_Order_With_None_Dropped()
    {
        using var file = NumberedLog(1000);
        using var terminal = StartReplay(file.Path, 100, 30);
        terminal.SendKeys("g");
        terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && s.Contains("entry 0000", StringComparison.Ordinal), "the top");

        // 150 downs then 50 ups in one write: the selection ends on entry 100 only if every key counted, in order
        terminal.Type(new string('j', 150) + new string('k', 50));

        var selected = WaitForSelected(terminal, "entry 0100");
        Assert.Equal("entry 0100", selected);
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    [TmuxFact]
    public void Wheel_Scrolls_And_Pauses_Click_Selects_And_Mouse_Reporting_Ends_With_The_Viewer()
    {
        using var file = NumberedLog(300);
        using var terminal = StartReplay(file.Path, 100, 30);
        // Button events in SGR encoding, not every movement (tmux: mouse_any_flag is "any mode", all is 1003)
        terminal.WaitFor(_ => terminal.Display("#{mouse_button_flag}") == "1", "button-event reporting");
        Assert.Equal("0", terminal.Display("#{mouse_all_flag}"));
        Assert.Equal("1", terminal.Display("#{mouse_sgr_flag}"));

        // The wheel up over the pane (SGR report: button 64 at column 60, row 10) pauses and moves up 3
        terminal.Type("\u001b[<64;60;10M");
        terminal.WaitForText("PAUSED");
        Assert.Equal("entry 0296", WaitForSelected(terminal, "entry 0296"));

        // A click on a row selects the entry drawn there
        var screen = terminal.Capture().Split('\n');
        var row = Array.FindIndex(screen, l => l.Contains("entry 0280", StringComparison.Ordinal));
        Assert.True(row >= 0, string.Join('\n', screen));
        terminal.Type($"\u001b[<0;60;{row + 1}M\u001b[<0;60;{row + 1}m");
        Assert.Equal("entry 0280", WaitForSelected(terminal, "entry 0280"));

        // M hands the mouse back to the terminal; q leaves no reporting on
        terminal.SendKeys("M");
        terminal.WaitForText("mouse off");
        terminal.WaitFor(_ => terminal.Display("#{mouse_any_flag}") == "0", "mouse reporting off");
        terminal.SendKeys("M", "q");
        terminal.WaitForText(Exited + "0");
        Assert.Equal("0", terminal.Display("#{mouse_button_flag}"));
        Assert.Equal("0", terminal.Display("#{mouse_any_flag}"));
        Assert.Equal("0", terminal.Display("#{mouse_sgr_flag}"));
    }

    [TmuxFact]
    public void No_Mouse_Leaves_Reporting_Off()
    {
        using var file = NumberedLog(10);
        using var terminal = StartReplay(file.Path, 100, 30, "--no-mouse");

        Assert.Equal("0", terminal.Display("#{mouse_any_flag}"));
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    [TmuxFact]
    public void Wide_And_Invisible_Characters_Leave_No_Stale_Cells_After_Scrolling_Or_Help()
    {
        // Given rows holding a ZWJ emoji, combining marks, zero-width and bidi controls, separators and CJK, each
        // ending with a marker the screen must show exactly where the text puts it
        string[] messages =
        [
            "zwj \U0001F469\u200D\U0001F4BB woman technologist 0123456789 END",
            "combining e\u0301e\u0301e\u0301 and a\u0308 0123456789 END",
            "zero\u200Bwidth\u2060joiner\uFEFFbom 0123456789 END",
            "bidi \u202Eoverride\u202C \u2067isolate\u2069 \u200Fmark 0123456789 END",
            "separator\u2028line\u2029paragraph 0123456789 END",
            "wide 日本語のログ行 0123456789 END",
        ];
        using var file = LogFile(messages);
        using var terminal = StartReplay(file.Path, 100, 20);
        var first = terminal.WaitFor(s => s.Contains("wide", StringComparison.Ordinal) && s.Contains("zwj", StringComparison.Ordinal), "the rows");

        // When scrolled right three times and back, and after help opened and closed over them
        foreach (var key in new[] { "l", "l", "l" })
        {
            terminal.SendKeys(key);
            var scrolled = terminal.WaitFor(s => !s.Contains("zwj ", StringComparison.Ordinal), "the scroll");
            Assert.All(LogLines(scrolled), line => Assert.EndsWith("END", line.TrimEnd(), StringComparison.Ordinal));
        }

        terminal.SendKeys("0");
        terminal.WaitForText("zwj ");
        terminal.SendKeys("?");
        terminal.WaitForText("Keys (? or Esc closes)");
        terminal.SendKeys("Escape");
        var closed = terminal.WaitFor(s => !s.Contains("Keys (? or Esc", StringComparison.Ordinal), "help to close");

        // Then every row ends with its marker, nothing of help remains, and the screen is the one first shown
        Assert.All(LogLines(closed), line => Assert.EndsWith("END", line.TrimEnd(), StringComparison.Ordinal));
        Assert.DoesNotContain("toggle", closed, StringComparison.Ordinal);
        Assert.Equal(Body(first), Body(closed));
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    [TmuxFact]
    public void A_Piped_Replay_Reads_Keys_From_The_Terminal()
    {
        using var file = NumberedLog(300);
        using var terminal = TmuxTerminal.Start(100, 30);
        terminal.Type($"cat {Quote(file.Path)} | dotnet {Quote(LogViewerDll())} replay -; echo {Exited}$?");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => s.Contains("replay of standard input", StringComparison.Ordinal) && s.Contains("entry 0299", StringComparison.Ordinal), "the piped replay", TimeSpan.FromSeconds(120));

        // The pipe is used up: keys come from the terminal, as in less
        terminal.SendKeys("g");
        terminal.WaitFor(s => s.Contains("entry 0000", StringComparison.Ordinal) && s.Contains("PAUSED", StringComparison.Ordinal), "g to reach the top");
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    /// <summary>The log pane's rows, without the sidebar and the status line (their rates move).</summary>
    private static string Body(string screen) => string.Join('\n', LogLines(screen).Select(l => l.Length > 22 ? l[22..] : l));

    private TmuxTerminal StartReplay(string path, int width, int height, string options = "")
    {
        var terminal = TmuxTerminal.Start(width, height);
        LaunchReplay(terminal, path, options);
        return terminal;
    }

    /// <summary>Runs <c>logviewer replay</c> in the terminal's shell and waits for its first lines.</summary>
    private void LaunchReplay(TmuxTerminal terminal, string path, string options)
    {
        terminal.Type($"dotnet {Quote(LogViewerDll())} replay {Quote(path)} {options}; echo {Exited}$?");
        terminal.SendKeys("Enter");
        var screen = terminal.WaitFor(s => TimePattern().IsMatch(s) && s.Contains("replay", StringComparison.Ordinal), "the replay", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
    }

    /// <summary>Waits until the reverse-video (selected) row holds <paramref name="expected"/>; returns what it holds.</summary>
    private static string WaitForSelected(TmuxTerminal terminal, string expected)
    {
        string? selected = null;
        terminal.WaitFor(
            _ =>
            {
                selected = SelectedEntry(terminal.CaptureWithAttributes());
                return selected == expected;
            },
            $"{expected} selected",
            TimeSpan.FromSeconds(30));
        return selected!;
    }

    /// <summary>The entry on the pane's reverse-video row; the sidebar (left of its second border) has its own cursor.</summary>
    private static string? SelectedEntry(string screen) =>
        screen.Split('\n').Select(PaneOf).Where(l => l.Contains("\u001b[7m", StringComparison.Ordinal))
            .Select(l => EntryPattern().Match(l)).Where(m => m.Success).Select(m => m.Value).FirstOrDefault();

    private static string PaneOf(string row)
    {
        var border = row.IndexOf('\u2502', row.IndexOf('\u2502', StringComparison.Ordinal) + 1);
        return border < 0 ? row : row[(border + 1)..];
    }

    private static TemporaryLog NumberedLog(int count) =>
        LogFile([.. Enumerable.Range(0, count).Select(i => "entry " + i.ToString("D4", CultureInfo.InvariantCulture))]);

    private static TemporaryLog LogFile(string[] messages)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lv-e2e-{Guid.NewGuid():N}.jsonl");
        var text = new StringBuilder();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds() * 1_000_000L;
        for (var i = 0; i < messages.Length; i++)
        {
            var message = System.Text.Json.JsonEncodedText.Encode(messages[i], System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            text.Append(CultureInfo.InvariantCulture, $"{{\"timestamp\":\"{start + (i * 1_000_000L)}\",\"message\":\"{message}\",\"replica\":\"r-1\",\"request_id\":null,\"level\":\"INFO\"}}\n");
        }

        File.WriteAllText(path, text.ToString());
        return new TemporaryLog(path);
    }

    [GeneratedRegex(@"entry \d{4}")]
    private static partial Regex EntryPattern();

    private sealed record TemporaryLog(string Path) : IDisposable
    {
        public void Dispose() => File.Delete(Path);
    }
}
