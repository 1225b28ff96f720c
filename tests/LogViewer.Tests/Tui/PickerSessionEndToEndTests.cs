using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using Xunit.Abstractions;

namespace LogViewer.Tests.Tui;

/// <summary>
/// The built <c>logviewer</c> in a real terminal (tmux) against the simulator on loopback, with its own
/// XDG_STATE_HOME: a deployment opened from the picker gets an out-rule, p goes back (the session is saved), Enter
/// opens it again with the rule restored, q quits; then the same deployment named on the command line gets the same
/// session back.
/// </summary>
public sealed class PickerSessionEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Exited = "LOGVIEWER-EXITED-";
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(5), Bursts = false }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [TmuxFact]
    public void A_Target_Opened_From_The_Picker_Keeps_Its_Rules_And_Shares_Them_With_The_Command_Line()
    {
        using var terminal = TmuxTerminal.Start(120, 32);
        Launch(terminal, $"--api-url {_server.BaseAddress}");
        terminal.WaitFor(s => s.Contains("Pick a target from", StringComparison.Ordinal) && s.Contains("14 of 14", StringComparison.Ordinal), "the picker's listing", TimeSpan.FromSeconds(120));

        // Enter opens the production deployment; an out-rule is added there; p goes back and saves it
        terminal.Type("deployment-7");
        terminal.WaitFor(s => s.Contains("1 of 14", StringComparison.Ordinal), "the deployment's row");
        terminal.SendKeys("Enter");
        terminal.WaitFor(s => s.Contains("ACTIVE, 3 replicas", StringComparison.Ordinal), "the deployment's lines", TimeSpan.FromSeconds(60));
        terminal.SendKeys(":");
        terminal.Type("filter-out health");
        terminal.SendKeys("Enter");
        terminal.WaitForText("rule 1: out health");
        terminal.SendKeys("p");
        terminal.WaitFor(s => s.Contains("Pick a target from", StringComparison.Ordinal), "the picker again");
        Assert.Single(Directory.GetFiles(Path.Combine(terminal.StateHome, "logviewer", "sessions")));

        // Opened again from the picker: the rule is back
        terminal.SendKeys("Enter");
        var screen = terminal.WaitForText("restored 1 rule from the last session", TimeSpan.FromSeconds(60));
        output.WriteLine(screen);
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");

        // Named on the command line: the same session
        Launch(terminal, $"deployment {SimulatorCatalog.DemoModelId} {SimulatorCatalog.DemoDeploymentId} --api-url {_server.BaseAddress}");
        screen = terminal.WaitForText("restored 1 rule from the last session", TimeSpan.FromSeconds(120));
        output.WriteLine(screen);
        terminal.SendKeys("q");
        terminal.WaitForText(Exited + "0");
        Assert.Single(Directory.GetFiles(Path.Combine(terminal.StateHome, "logviewer", "sessions")));
    }

    private void Launch(TmuxTerminal terminal, string arguments)
    {
        terminal.Type($"clear; BASETEN_API_KEY={_server.ApiKey} dotnet {Quote(TuiEndToEndTests.LogViewerDll())} {arguments}; echo {Exited}$?");
        terminal.SendKeys("Enter");
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
