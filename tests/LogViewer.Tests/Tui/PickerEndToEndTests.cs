using System.Text.RegularExpressions;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// The built <c>logviewer</c> with no arguments in a real terminal (tmux), against the simulator on loopback, as a
/// new user with only a key: the picker lists targets, typing part of a job's name narrows to it, Enter shows its
/// lines, the job fails and the status says so and polling stops (the simulator's journal shows it), p goes back,
/// and a scaled-to-zero deployment opened from the picker says why its pane is empty.
/// </summary>
public sealed partial class PickerEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Exited = "LOGVIEWER-EXITED-";
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await FailingJobSimulator.StartAsync(running: TimeSpan.FromSeconds(12));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [TmuxFact]
    public void Logviewer_Alone_Picks_A_Job_By_Typing_Watches_It_Fail_Goes_Back_And_Opens_A_Scaled_To_Zero_Deployment()
    {
        using var terminal = TmuxTerminal.Start(120, 32);
        terminal.Type($"BASETEN_API_KEY={_server.ApiKey} dotnet {Quote(TuiEndToEndTests.LogViewerDll())} --api-url {_server.BaseAddress}; echo {Exited}$?");
        terminal.SendKeys("Enter");

        // The picker lists the simulator's jobs and deployments.
        // (waiting for the last row too: under load a capture can catch the listing half drawn)
        var screen = terminal.WaitFor(s => s.Contains("Pick a target from", StringComparison.Ordinal) && s.Contains("14 of 14", StringComparison.Ordinal) && s.Contains("whisper-large-v3 / deployment-3", StringComparison.Ordinal), "the picker's whole listing", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);

        // Typing part of the job's name narrows to it; Enter opens its logs in the same window.
        terminal.Type("oom");
        screen = terminal.WaitFor(s => s.Contains("1 of 14", StringComparison.Ordinal), "the query to narrow to one row");
        Assert.Contains("llama-finetunes / oom-repro", screen, StringComparison.Ordinal);
        terminal.SendKeys("Enter");
        screen = terminal.WaitFor(s => TimePattern().IsMatch(s) && s.Contains("Replicas", StringComparison.Ordinal), "the job's log lines", TimeSpan.FromSeconds(60));
        output.WriteLine(screen);
        Assert.Equal("1", terminal.Display("#{alternate_on}"));

        // The job fails: its status and error are on screen, and polling stops.
        screen = terminal.WaitFor(s => s.Contains("stopped polling (R resumes)", StringComparison.Ordinal), "the job to fail and polling to stop", TimeSpan.FromSeconds(90));
        output.WriteLine(screen);
        Assert.Matches(@"job FAILED at \d\d:\d\d:\d\d: Training job exited with code 1", screen);
        Assert.Contains("job FAILED", screen.Split('\n').Last(l => l.Trim().Length > 0), StringComparison.Ordinal);
        var atStop = JobRequests();
        Thread.Sleep(TimeSpan.FromSeconds(4));
        Assert.Equal(atStop, JobRequests());

        // p goes back to the picker, with the query kept; a new query opens the scaled-to-zero deployment.
        terminal.SendKeys("p");
        terminal.WaitFor(s => s.Contains("Pick a target from", StringComparison.Ordinal) && s.Contains("> oom_", StringComparison.Ordinal), "the picker again");
        // (after Esc a person waits for the query to clear; an ESC with a letter right behind it is Alt+letter)
        terminal.SendKeys("Escape");
        terminal.WaitFor(s => s.Contains("14 of 14", StringComparison.Ordinal), "the query to clear");
        terminal.Type("whisper");
        terminal.WaitFor(s => s.Contains("1 of 14", StringComparison.Ordinal), "the deployment's row");
        terminal.SendKeys("Enter");
        screen = terminal.WaitFor(s => s.Contains("no lines: the deployment is scaled to zero", StringComparison.Ordinal), "the empty pane's reason", TimeSpan.FromSeconds(60));
        output.WriteLine(screen);
        Assert.Contains("SCALED_TO_ZERO, 0 replicas", screen, StringComparison.Ordinal);

        // q quits from the log view and restores the terminal.
        terminal.SendKeys("q");
        screen = terminal.WaitForText(Exited + "0");
        Assert.Equal("0", terminal.Display("#{alternate_on}"));
        Assert.DoesNotContain("Pick a target", screen, StringComparison.Ordinal);
    }

    [TmuxFact]
    public void Ctrl_Z_In_The_Picker_Gives_The_Shell_Its_Terminal_And_Fg_Brings_The_Picker_Back_As_It_Was()
    {
        // Given the picker in an interactive shell, with a query typed
        using var terminal = TmuxTerminal.Start(120, 32);
        // (no "; echo" behind it: a shell runs the next command as soon as the job stops)
        terminal.Type($"BASETEN_API_KEY={_server.ApiKey} dotnet {Quote(TuiEndToEndTests.LogViewerDll())} --api-url {_server.BaseAddress}");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => s.Contains("Pick a target from", StringComparison.Ordinal) && s.Contains("14 of 14", StringComparison.Ordinal), "the picker's listing", TimeSpan.FromSeconds(120));
        terminal.Type("oom");
        terminal.WaitFor(s => s.Contains("1 of 14", StringComparison.Ordinal), "the query to narrow to one row");

        // When Ctrl+Z is pressed, the shell has its screen and a cooked terminal back
        terminal.SendKeys("C-z");
        terminal.WaitFor(s => s.Contains("Stopped", StringComparison.Ordinal) && terminal.Display("#{alternate_on}") == "0", "the shell's screen");
        terminal.Type("echo shell-$((6 * 7))");
        terminal.SendKeys("Enter");
        terminal.WaitForText("shell-42");

        // Then fg redraws the picker with its query and row, and its keys act at once
        terminal.Type("fg");
        terminal.SendKeys("Enter");
        var screen = terminal.WaitFor(s => s.Contains("> oom_", StringComparison.Ordinal) && s.Contains("1 of 14", StringComparison.Ordinal) && terminal.Display("#{alternate_on}") == "1", "the picker redrawn");
        Assert.Contains("llama-finetunes / oom-repro", screen, StringComparison.Ordinal);
        terminal.SendKeys("BSpace");
        terminal.WaitFor(s => s.Contains("> oo_", StringComparison.Ordinal), "Backspace acting at once");
        terminal.SendKeys("C-c");
        terminal.WaitFor(_ => terminal.Display("#{alternate_on}") == "0", "the main screen after quitting");

        // fg's status is the viewer's exit code: it quit cleanly
        terminal.Type("echo fg-exited-$?");
        terminal.SendKeys("Enter");
        terminal.WaitForText("fg-exited-0");
    }

    private int JobRequests() => _server.Requests.Count(r => r.Path.Contains(SimulatorCatalog.FailingTrainingJobId, StringComparison.Ordinal));

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\d\d:\d\d:\d\d\.\d\d\d ")]
    private static partial Regex TimePattern();
}
