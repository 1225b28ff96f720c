using System.Globalization;

namespace LogViewer.Tests.Tui;

/// <summary>
/// Filter rules in a real terminal: two out-rules and an in-rule added through the Tab panel, one turned off with
/// Space, the counts shown; after q and a relaunch the same rules come back ("restored 3 rules"); <c>--fresh</c>
/// starts clean; <c>:clear-filters</c> shows everything. The terminal's XDG_STATE_HOME is its own temporary directory.
/// </summary>
public sealed partial class TuiEndToEndTests
{
    [TmuxFact]
    public void Rules_Added_In_The_Panel_Filter_The_Pane_And_Come_Back_After_A_Restart()
    {
        using var file = NoisyLog(400);
        using var terminal = StartReplay(file.Path, 120, 40);

        // Two out-rules (NCCL chatter, progress bars) and an in-rule, typed in the panel
        terminal.SendKeys("Tab");
        terminal.WaitForText("no rules: i adds an in-rule");
        AddRule(terminal, "o", "NCCL");
        AddRule(terminal, "o", "progress");
        AddRule(terminal, "i", "step=");
        var screen = terminal.WaitFor(s => s.Contains(" 3 [x] in  step=", StringComparison.Ordinal) && s.Contains("3 rules", StringComparison.Ordinal), "three rules");
        output.WriteLine(screen);
        Assert.Contains(" 1 [x] out NCCL", screen, StringComparison.Ordinal);
        Assert.Contains(" 2 [x] out progress", screen, StringComparison.Ordinal);

        // Every rule shows how many entries it matches: a quarter of the lines each
        terminal.WaitFor(s => RuleRow(s, 1).Contains(" 100 ", StringComparison.Ordinal) && RuleRow(s, 3).Contains(" 100 ", StringComparison.Ordinal), "the counts");

        // Only step lines are shown behind the panel; Tab closes it and the pane holds them alone
        terminal.SendKeys("Tab");
        screen = terminal.WaitFor(s => !s.Contains("Filter rules", StringComparison.Ordinal) && LogLines(s).Any(), "the panel to close");
        Assert.All(LogLines(screen), line => Assert.Contains("step=", line, StringComparison.Ordinal));

        // Space turns the in-rule (the selected one, the newest) off: checkpoints come back, NCCL and progress stay hidden
        terminal.SendKeys("Tab", "Space");
        terminal.WaitForText(" 3 [ ] in  step=");
        terminal.SendKeys("Tab");
        screen = terminal.WaitFor(s => s.Contains("3 rules, 1 off", StringComparison.Ordinal) && LogLines(s).Any(l => l.Contains("checkpoint", StringComparison.Ordinal)), "checkpoint lines");
        output.WriteLine(screen);
        Assert.DoesNotContain(LogLines(screen), line => line.Contains("NCCL", StringComparison.Ordinal) || line.Contains("progress", StringComparison.Ordinal));

        // q saves the session for this file; it holds the rules and no log text
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
        var saved = Directory.GetFiles(Path.Combine(terminal.StateHome, "logviewer", "sessions"));
        var json = File.ReadAllText(Assert.Single(saved));
        Assert.Contains("progress", json, StringComparison.Ordinal);
        Assert.DoesNotContain("checkpoint saved", json, StringComparison.Ordinal);

        // Relaunched: the same rules, the same one off
        LaunchReplay(terminal, file.Path, string.Empty);
        screen = terminal.WaitForText("restored 3 rules");
        output.WriteLine(screen);
        terminal.SendKeys("Tab");
        screen = terminal.WaitFor(s => s.Contains(" 3 [ ] in  step=", StringComparison.Ordinal), "the restored rules");
        Assert.Contains(" 1 [x] out NCCL", screen, StringComparison.Ordinal);
        Assert.Contains(" 2 [x] out progress", screen, StringComparison.Ordinal);
        Assert.Contains("3 rules, 1 off", screen, StringComparison.Ordinal);

        // :clear-filters (typed with the panel open) shows every line again
        terminal.SendKeys(":");
        terminal.Type("clear-filters");
        terminal.SendKeys("Enter");
        screen = terminal.WaitFor(s => s.Contains("filters cleared", StringComparison.Ordinal), "the filters to clear");
        terminal.SendKeys("Tab");
        screen = terminal.WaitFor(s => !s.Contains("Filter rules", StringComparison.Ordinal) && LogLines(s).Any(l => l.Contains("NCCL", StringComparison.Ordinal)), "NCCL lines again");
        Assert.DoesNotContain("3 rules", screen, StringComparison.Ordinal);
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    [TmuxFact]
    public void Fresh_Starts_Without_The_Saved_Rules()
    {
        using var file = NoisyLog(100);
        using var terminal = StartReplay(file.Path, 120, 40);
        terminal.SendKeys(":");
        terminal.Type("filter-out NCCL");
        terminal.SendKeys("Enter");
        terminal.WaitForText("rule 1: out NCCL");
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");

        // --fresh: no rule, every line; a plain relaunch afterwards still has the rule (fresh does not forget)
        LaunchReplay(terminal, file.Path, "--fresh");
        var screen = terminal.WaitFor(s => LogLines(s).Any(l => l.Contains("NCCL", StringComparison.Ordinal)), "NCCL lines", TimeSpan.FromSeconds(120));
        Assert.DoesNotContain("restored", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("1 rule", screen, StringComparison.Ordinal);
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    private static void AddRule(TmuxTerminal terminal, string key, string pattern)
    {
        terminal.SendKeys(key);
        terminal.WaitForText(key == "o" ? "out >" : "in  >");
        terminal.Type(pattern);
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => !s.Contains(key == "o" ? "out >" : "in  >", StringComparison.Ordinal), $"the rule {pattern} to be added");
    }

    /// <summary>The panel row of rule <paramref name="number"/>, or empty.</summary>
    private static string RuleRow(string screen, int number) =>
        screen.Split('\n').FirstOrDefault(row => row.Contains($"│{number,2} [", StringComparison.Ordinal)) ?? string.Empty;

    /// <summary>Four kinds of line in turn: NCCL chatter, a progress bar, a training step, a checkpoint.</summary>
    private static TemporaryLog NoisyLog(int count) =>
        LogFile([.. Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"NCCL INFO Channel {i % 32:D2}/32 via P2P/IPC/read"),
            1 => string.Create(CultureInfo.InvariantCulture, $"progress {i % 100,3}%|#####     | {i}/{count}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"step={i} loss=0.{i:D4}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"checkpoint saved {i}"),
        })]);
}
