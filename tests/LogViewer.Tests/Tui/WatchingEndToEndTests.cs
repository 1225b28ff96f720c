using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// Watching the simulator's failing job in a tmux window the user is not looking at: when the job fails, tmux flags
/// the window (the bell) and the pane title reads FAILED; after q the title the shell had set is back. An alert rule
/// for its out-of-memory error notifies once when the line arrives.
/// </summary>
public sealed class WatchingEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Exited = "LOGVIEWER-EXITED-";
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await FailingJobSimulator.StartAsync(running: TimeSpan.FromSeconds(15));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [TmuxFact]
    public void A_Job_Failing_In_A_Window_Not_Looked_At_Flags_It_And_Titles_It_Failed_And_Q_Restores_The_Title()
    {
        // Given a shell in window 0 that has set its own title
        using var terminal = TmuxTerminal.Start(120, 30);
        terminal.Type("printf '\\033]2;my-shell\\007'");
        terminal.SendKeys("Enter");
        terminal.WaitFor(_ => terminal.DisplayWindow(0, "#{pane_title}") == "my-shell", "the shell's own title");

        // When the failing job is watched there
        terminal.Type($"BASETEN_API_KEY={_server.ApiKey} dotnet '{TuiEndToEndTests.LogViewerDll()}' training {SimulatorCatalog.DemoTrainingProjectId} {SimulatorCatalog.FailingTrainingJobId} --api-url {_server.BaseAddress}; echo {Exited}$?");
        terminal.SendKeys("Enter");
        terminal.WaitFor(_ => terminal.DisplayWindow(0, "#{pane_title}").StartsWith("oom-repro", StringComparison.Ordinal), "the title to name the job", TimeSpan.FromSeconds(90));
        output.WriteLine("title while watched: " + terminal.DisplayWindow(0, "#{pane_title}"));
        Assert.Equal("0", terminal.DisplayWindow(0, "#{window_bell_flag}"));

        // ...and the user goes to another window
        terminal.OpenOtherWindow();

        // Then when the job fails, window 0 is flagged by the bell and titled FAILED
        terminal.WaitFor(_ => terminal.DisplayWindow(0, "#{pane_title}") == "oom-repro: FAILED", "the title to read FAILED", TimeSpan.FromSeconds(90));
        terminal.WaitFor(_ => terminal.DisplayWindow(0, "#{window_bell_flag}") == "1", "tmux to flag the window's bell");

        // And after q there, the shell's title is back
        terminal.SelectWindow(0);
        terminal.SendKeys("q");
        var screen = terminal.WaitForText(Exited + "0");
        output.WriteLine(screen);
        Assert.Equal("my-shell", terminal.DisplayWindow(0, "#{pane_title}"));
    }

    [TmuxFact]
    public void An_Alert_For_Cuda_Out_Of_Memory_Notifies_Once_When_The_Line_Arrives_And_Marks_It()
    {
        // Given the pane's output recorded, escape sequences and all
        using var terminal = TmuxTerminal.Start(120, 30);
        var written = Path.Combine(terminal.StateHome, "pane-output");
        terminal.PipeOutputTo(written);

        // When the failing job is watched with an alert rule for its out-of-memory error
        terminal.Type($"BASETEN_API_KEY={_server.ApiKey} dotnet '{TuiEndToEndTests.LogViewerDll()}' training {SimulatorCatalog.DemoTrainingProjectId} {SimulatorCatalog.FailingTrainingJobId} --api-url {_server.BaseAddress} --alert 'CUDA out of memory'; echo {Exited}$?");
        terminal.SendKeys("Enter");

        // Then once the line arrives, one notification names the rule and the line (wrapped for tmux's passthrough)
        const string Notification = "]9;LogViewer: oom-repro: alert CUDA out of memory: torch.OutOfMemoryError: CUDA out of memory.";
        terminal.WaitFor(_ => File.Exists(written) && File.ReadAllText(written).Contains(Notification, StringComparison.Ordinal), "the alert's notification", TimeSpan.FromSeconds(90));
        terminal.WaitFor(_ => terminal.DisplayWindow(0, "#{pane_title}") == "oom-repro: FAILED", "the job to fail", TimeSpan.FromSeconds(30));
        var screen = terminal.WaitFor(s => s.Contains("Process exited with code 1", StringComparison.Ordinal), "the job's last line");
        output.WriteLine(screen);
        Assert.Equal(1, File.ReadAllText(written).Split(Notification).Length - 1);
        Assert.Contains("Ptmux;" + Notification, File.ReadAllText(written), StringComparison.Ordinal);

        // ...and the line is marked '!' in the pane, the lines around it not
        var lines = screen.Split('\n');
        Assert.Matches(@"\d![A-Z]{3} +\S+ +torch\.OutOfMemoryError: CUDA out of memory", lines.Single(l => l.Contains("torch.OutOfMemoryError", StringComparison.Ordinal)));
        Assert.DoesNotMatch(@"\d!", lines.Single(l => l.Contains("Process exited with code 1", StringComparison.Ordinal)));

        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
    }
}
