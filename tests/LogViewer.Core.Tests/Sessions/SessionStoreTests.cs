using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;

namespace LogViewer.Core.Tests.Sessions;

public sealed class SessionStoreTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("logviewer-sessions-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Rules_Level_Replicas_And_Toggles_Round_Trip_Per_Target()
    {
        // Given: rules of every kind for one deployment, in XDG_STATE_HOME.
        var store = SessionStore.ForEnvironment(new FixedEnvironment(new Dictionary<string, string> { ["XDG_STATE_HOME"] = _home }, "/nonexistent"));
        var rules = RuleSet.Empty.Add(FilterRule.Out("NCCL")).Add(FilterRule.Out("/\\d+it\\/s/")).Add(FilterRule.In("\\/health")).Toggle(1).HideReplica("r-2")
            with { MinimumLevel = LogLevel.Warning };
        var key = SessionStore.KeyOf(new DeploymentTarget("m1", "d1"));
        var saved = SessionRules.Save(new SavedSession { Target = key, TimeFormat = "UtcIso", Wrap = true, Sidebar = false }, rules);

        // When: it is saved and read back, and another target is read.
        store.Save(key, saved);
        var loaded = store.Load(key);
        var other = store.Load(SessionStore.KeyOf(new DeploymentTarget("m1", "d2")));

        // Then: the same rules come back, the file sits under logviewer/sessions, the other target has none.
        Assert.Null(loaded.Problem);
        Assert.Equal(rules, SessionRules.Restore(loaded.Session!));
        Assert.Equal(("UtcIso", true, false), (loaded.Session!.TimeFormat, loaded.Session.Wrap, loaded.Session.Sidebar));
        Assert.StartsWith(Path.Combine(_home, "logviewer", "sessions"), store.PathOf(key), StringComparison.Ordinal);
        Assert.Equal(new SessionLoad(null, null), other);
    }

    [Fact]
    public async Task A_Damaged_File_Is_One_Line_And_Ignored_And_Forget_Removes_It()
    {
        var store = new SessionStore(Path.Combine(_home, "s"));
        const string key = "training p/j";
        Directory.CreateDirectory(store.Directory);
        await File.WriteAllTextAsync(store.PathOf(key), "{\"version\": 1, \"rules\": [{\"kind\": ");

        var loaded = store.Load(key);

        Assert.Null(loaded.Session);
        Assert.Contains("could not be read (it is not valid session JSON); it was ignored", loaded.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', loaded.Problem!);
        Assert.True(store.Forget(key));
        Assert.False(File.Exists(store.PathOf(key)));
        Assert.Equal(new SessionLoad(null, null), store.Load(key));
    }

    [Fact]
    public void Without_Xdg_State_Home_Sessions_Go_Under_Local_State()
    {
        var store = SessionStore.ForEnvironment(new FixedEnvironment(new Dictionary<string, string>(), "/home/u"));
        Assert.Equal(Path.Combine("/home/u", ".local", "state", "logviewer", "sessions"), store.Directory);
    }
}
