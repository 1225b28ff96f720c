using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using LogViewer.Tui.Session;

namespace LogViewer.Tests.Commands;

/// <summary>
/// A target opened from the picker (<c>logviewer pick</c>) remembers its session as when it is given on the command
/// line: under the same key, restored when opened again, saved when left; <c>--fresh</c> ignores only what was saved
/// before the run. The picker on the terminal is replaced by one that opens the simulator's deployment the way Enter
/// does and closes it the way p or q do (the viewer hands what it remembers to <see cref="TuiSession.Remember"/>).
/// </summary>
public sealed class PickCommandSessionTests : IAsyncLifetime, IDisposable
{
    private static readonly DeploymentTarget Deployment = new(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId);
    private readonly string _state = Directory.CreateTempSubdirectory("lv-pick-sessions-").FullName;
    private readonly List<TuiSession> _opened = [];
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(5), Bursts = false }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private SessionStore Store => new(Path.Combine(_state, "sessions"));

    [Fact]
    public async Task A_Target_Opened_From_The_Picker_Gets_Its_Session_Back_Under_The_Command_Lines_Key()
    {
        // Given: the deployment opened from the picker, an out-rule and wrap set there, then left
        var first = await PickAsync([], viewer => viewer.Remember!(Saved(RuleSet.Empty.Add(FilterRule.Out("NCCL")).HideReplica("r-2"), wrap: true)));
        Assert.Equal(0, first.ExitCode);
        Assert.Null(Assert.Single(_opened).Restored?.Session);

        // Then: the session file is the one the command line reads for this deployment
        Assert.True(File.Exists(Store.PathOf(SessionStore.KeyOf(Deployment))));

        // When: it is opened from the picker again
        _opened.Clear();
        await PickAsync([], _ => { });

        // Then: the rule, the hidden replica and wrap come back, and the viewer can search the server as from the command line
        var viewer = Assert.Single(_opened);
        var saved = Assert.IsType<SavedSession>(viewer.Restored?.Session);
        Assert.Equal(RuleSet.Empty.Add(FilterRule.Out("NCCL")).HideReplica("r-2"), SessionRules.Restore(saved));
        Assert.True(saved.Wrap);
        Assert.Equal(SessionStore.KeyOf(Deployment), saved.Target);
        Assert.NotNull(viewer.SearchServer);
        Assert.Equal(Deployment, viewer.Target);
    }

    [Fact]
    public async Task Fresh_Ignores_What_Was_Saved_Before_The_Run_But_Not_What_The_Run_Saved()
    {
        // Given: a session saved by an earlier run
        Store.Save(SessionStore.KeyOf(Deployment), Saved(RuleSet.Empty.Add(FilterRule.Out("old")), wrap: false));

        // When: `pick --fresh` opens the deployment, leaves it with a new rule, and opens it again
        await PickAsync(["--fresh"], viewer => viewer.Remember!(Saved(RuleSet.Empty.Add(FilterRule.In("new")), wrap: false)), twice: true);

        // Then: the first opening starts clean, the second gets back what the first left
        Assert.Equal(2, _opened.Count);
        Assert.Null(_opened[0].Restored);
        Assert.Equal(RuleSet.Empty.Add(FilterRule.In("new")), SessionRules.Restore(_opened[1].Restored!.Session!));
    }

    [Fact]
    public async Task A_Session_That_Cannot_Be_Saved_Is_One_Line_On_Stderr_After_The_Picker()
    {
        // Given: a file where the sessions directory should be
        var blocked = Path.Combine(_state, "blocked");
        await File.WriteAllTextAsync(blocked, "not a directory");

        var run = await PickAsync([], viewer => viewer.Remember!(Saved(RuleSet.Empty.Add(FilterRule.Out("NCCL")), wrap: false)), store: new SessionStore(blocked));

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("logviewer: the session could not be saved to " + blocked, line, StringComparison.Ordinal);
    }

    private async Task<CliRun> PickAsync(string[] options, Action<TuiSession> leave, bool twice = false, SessionStore? store = null)
    {
        using var cli = new CliHarness
        {
            OutputIsTerminal = true,
            Sessions = store ?? Store,
            Picker = (picker, _) =>
            {
                for (var i = 0; i < (twice ? 2 : 1); i++)
                {
                    var viewer = picker.Open(Deployment, "demo-model / production");
                    _opened.Add(viewer);
                    leave(viewer);
                }
            },
        };
        cli.Variables["BASETEN_API_KEY"] = _server.ApiKey;
        return await cli.RunAsync(["pick", "--api-url", _server.BaseAddress.ToString(), .. options]);
    }

    private static SavedSession Saved(RuleSet rules, bool wrap) =>
        SessionRules.Save(new SavedSession { Target = "from the viewer", TimeFormat = "Local", Wrap = wrap, Sidebar = true }, rules);
}
