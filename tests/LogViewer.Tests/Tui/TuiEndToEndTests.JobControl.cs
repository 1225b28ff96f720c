using System.Diagnostics;
using System.Globalization;

namespace LogViewer.Tests.Tui;

/// <summary>
/// Job control on the real executable in a real terminal (issue 14 item 5, issue 15 item 8): a stop and continue
/// from outside, and Ctrl+Z then <c>fg</c> in an interactive shell, leave the viewer in raw mode with its keys working,
/// and give the shell a usable terminal while the viewer is stopped.
/// </summary>
public sealed partial class TuiEndToEndTests
{
    [TmuxFact]
    public void Kill_Stop_Then_Cont_Leaves_The_Keys_Working()
    {
        // Given the viewer started from a shell without job control (the shell does not take the terminal back when
        // its child stops, as under a supervisor or ssh host command)
        using var file = NumberedLog(300);
        using var terminal = TmuxTerminal.Start(100, 30);
        terminal.Type("set +m");
        terminal.SendKeys("Enter");
        using var viewer = StartReplayIn(terminal, file.Path);

        // When it is stopped and continued from outside
        Signal("STOP", viewer.Id);
        WaitUntil(() => State(viewer.Id) == 'T', "the viewer stopped");
        Signal("CONT", viewer.Id);
        WaitUntil(() => State(viewer.Id) != 'T', "the viewer running again");

        // Then each key acts at once (not after Enter): g goes to the top, j moves, q quits
        terminal.SendKeys("g");
        terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && s.Contains("entry 0000", StringComparison.Ordinal), "the top after g");
        terminal.SendKeys("j");
        Assert.Equal("entry 0001", WaitForSelected(terminal, "entry 0001"));
        Assert.Equal("1", terminal.Display("#{alternate_on}"));
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }

    [TmuxFact]
    public void Ctrl_Z_Gives_The_Shell_A_Usable_Terminal_And_Fg_Brings_The_Viewer_Back()
    {
        // Given the viewer in an interactive shell (job control on) that has set its own title, with the mouse
        // turned off by the user
        using var file = NumberedLog(300);
        using var terminal = TmuxTerminal.Start(100, 30);
        terminal.Type("printf '\\033]2;my-shell\\007'");
        terminal.SendKeys("Enter");
        terminal.WaitFor(_ => terminal.Display("#{pane_title}") == "my-shell", "the shell's own title");
        using var viewer = StartReplayIn(terminal, file.Path);
        terminal.WaitFor(_ => terminal.Display("#{pane_title}").StartsWith("replay", StringComparison.Ordinal), "the viewer's title");
        terminal.SendKeys("M");
        terminal.WaitForText("mouse off");

        // When Ctrl+Z is pressed
        terminal.SendKeys("C-z");

        // Then the shell has its screen and a cooked terminal back: the prompt, no mouse reporting, echo works
        WithProcessState(viewer, terminal, () => terminal.WaitFor(s => s.Contains("Stopped", StringComparison.Ordinal) && terminal.Display("#{alternate_on}") == "0", "the shell's screen"));
        Assert.Equal("0", terminal.Display("#{mouse_any_flag}"));
        Assert.Equal("my-shell", terminal.Display("#{pane_title}"));
        terminal.Type("echo shell-$((6 * 7))");
        terminal.SendKeys("Enter");
        terminal.WaitForText("shell-42");

        // When fg brings the viewer back
        terminal.Type("fg");
        terminal.SendKeys("Enter");

        // Then it is redrawn whole on its own screen, with the mouse as the user left it (off), and keys act at once
        WithProcessState(viewer, terminal, () => terminal.WaitFor(s => s.Contains("replay of", StringComparison.Ordinal) && s.Contains("entry 0299", StringComparison.Ordinal) && terminal.Display("#{alternate_on}") == "1", "the viewer redrawn"));
        Assert.Equal("0", terminal.Display("#{mouse_any_flag}"));
        terminal.WaitFor(_ => terminal.Display("#{pane_title}").StartsWith("replay", StringComparison.Ordinal), "the viewer's title again");
        terminal.SendKeys("g");
        terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && s.Contains("entry 0000", StringComparison.Ordinal), "the top after g");
        terminal.SendKeys("q");
        WaitUntil(() => !Directory.Exists($"/proc/{viewer.Id}"), "the viewer to quit");
        terminal.WaitFor(_ => terminal.Display("#{alternate_on}") == "0", "the main screen after quitting");
        Assert.Equal("my-shell", terminal.Display("#{pane_title}"));
    }

    [TmuxFact]
    public void Ctrl_Z_Stops_The_Whole_Job_When_The_Viewer_Has_A_Parent_In_It_As_Under_Dotnet_Run()
    {
        // Given the viewer started by a parent process of the same job (as `dotnet run` starts it), which waits for it
        using var file = NumberedLog(300);
        using var terminal = TmuxTerminal.Start(100, 30);
        terminal.Type($"sh -c \"dotnet {Quote(LogViewerDll())} replay {Quote(file.Path)}; echo parent-$((6 * 7))\"");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => TimePattern().IsMatch(s) && s.Contains("entry 0299", StringComparison.Ordinal), "the replay", TimeSpan.FromSeconds(120));

        // When Ctrl+Z is pressed, the shell sees the job stop (the parent too) and gives its prompt back
        terminal.SendKeys("C-z");
        terminal.WaitFor(s => s.Contains("Stopped", StringComparison.Ordinal) && terminal.Display("#{alternate_on}") == "0", "the job stopped and the shell's screen");

        // Then fg brings the viewer back with its keys working, and the parent goes on once it quits
        terminal.Type("fg");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => s.Contains("entry 0299", StringComparison.Ordinal) && terminal.Display("#{alternate_on}") == "1", "the viewer redrawn");
        terminal.SendKeys("g");
        terminal.WaitFor(s => s.Contains("PAUSED", StringComparison.Ordinal) && s.Contains("entry 0000", StringComparison.Ordinal), "the top after g");
        terminal.SendKeys("q");
        terminal.WaitForText("parent-42");
    }

    // Starts a replay of the file in the terminal's shell and returns the viewer's process once it shows its lines.
    private Process StartReplayIn(TmuxTerminal terminal, string path)
    {
        terminal.Type($"dotnet {Quote(LogViewerDll())} replay {Quote(path)}; echo {Exited}$?");
        terminal.SendKeys("Enter");
        var screen = terminal.WaitFor(s => TimePattern().IsMatch(s) && s.Contains("replay", StringComparison.Ordinal), "the replay", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
        var shell = int.Parse(terminal.Display("#{pane_pid}"), CultureInfo.InvariantCulture);
        return Process.GetProcessById(ChildOf(shell));
    }

    // A wait that, when it times out, also says what the viewer process was doing (state letter, kernel wait
    // channel, the terminal's foreground group), so a failure under load can be told apart from a hang.
    private static void WithProcessState(Process viewer, TmuxTerminal terminal, Action wait)
    {
        try
        {
            wait();
        }
        catch (TimeoutException timeout)
        {
            string Read(string file)
            {
                try
                {
                    return File.ReadAllText($"/proc/{viewer.Id}/{file}").Trim();
                }
                catch (IOException)
                {
                    return "(gone)";
                }
            }

            throw new TimeoutException(
                $"{timeout.Message}\nviewer {viewer.Id}: state {State(viewer.Id)}, wchan {Read("wchan")}, tpgid {StatField(viewer.Id, 8)}, pgrp {StatField(viewer.Id, 5)}; " +
                $"alternate_on {terminal.Display("#{alternate_on}")}, mouse_any_flag {terminal.Display("#{mouse_any_flag}")}",
                timeout);
        }
    }

    // The one child process of the shell (Linux: its parent is field 4 of /proc/PID/stat).
    private static int ChildOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Single(pid => StatField(pid, 4) == parent.ToString(CultureInfo.InvariantCulture));

    // The process state letter: T when stopped.
    private static char State(int pid) => StatField(pid, 3) is [var state] ? state : '?';

    private static string? StatField(int pid, int field)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[field - 3];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            Thread.Sleep(100);
        }
    }
}
