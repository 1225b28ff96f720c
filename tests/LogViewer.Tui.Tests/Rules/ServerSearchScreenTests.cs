using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Rules;

/// <summary>
/// What the pane does with a server search's answer (the search itself runs against the simulator in Core's tests):
/// older matches join exactly once, in time order, with a gap row between them and the loaded range.
/// </summary>
public sealed class ServerSearchScreenTests(ITestOutputHelper output)
{
    private static readonly LogEntry[] Loaded = Entries.Numbered(3600, 10);

    [Fact]
    public void Older_Matches_Join_Once_In_Place_With_A_Gap_Row_Before_The_Loaded_Range()
    {
        // Given: lines loaded from 13:00:00, and a server that also holds an error from 12:00:05
        var older = Entries.At(5, "CUDA error: out of memory", LogLevel.Error);
        (LogQuery Filters, TimeSpan Duration)? asked = null;
        using var viewer = new ViewerHarness(width: 120, height: 30, configure: s => s with
        {
            Target = new DeploymentTarget("m1", "d1"),
            SearchServer = (filters, duration, _) =>
            {
                asked = (filters, duration);
                return Task.FromResult(new ServerSearchResult([older, Loaded[0]], 1, false, 0, 1));
            },
        });
        viewer.Feed(Loaded);

        // When: an in-rule (a regex) and :search-server 2h
        viewer.Command("filter-in /CUDA|line/");
        viewer.Command("search-server 2h");
        viewer.Settle();
        viewer.Press(new Terminal.Gui.Input.Key('g'));
        output.WriteLine(viewer.Screen);

        // Then: the rule went to the server, the error joined before the loaded lines once, and a gap row separates them
        Assert.Equal(TimeSpan.FromHours(2), asked!.Value.Duration);
        Assert.Equal("(?:CUDA|line)", asked.Value.Filters.SearchPattern);
        Assert.Equal(["CUDA error: out of memory", .. Loaded.Select(e => e.Message)], viewer.PaneMessages());
        var error = viewer.RowOf("CUDA error: out of memory");
        var gap = viewer.RowOf("not loaded between 12:00:05");
        Assert.Equal(error + 1, gap);
        Assert.Contains("line 3600", viewer.Rows[gap + 1], StringComparison.Ordinal);
        Assert.StartsWith("server search: 2 lines over", viewer.Program.State.Panel.SearchResult, StringComparison.Ordinal);
    }

    [Fact]
    public void In_Wrap_Mode_The_Gap_Row_Shows_Too_And_The_Newest_Line_Stays_In_View()
    {
        // Given: an older match so long it wraps, joined by a server search, in wrap mode (z)
        var older = Entries.At(5, "CUDA error: out of memory " + new string('x', 200), LogLevel.Error);
        using var viewer = new ViewerHarness(width: 80, height: 16, configure: s => s with
        {
            Target = new DeploymentTarget("m1", "d1"),
            SearchServer = (_, _, _) => Task.FromResult(new ServerSearchResult([older], 1, false, 0, 1)),
        });
        viewer.Feed(Loaded);
        viewer.Press(new Terminal.Gui.Input.Key('z'));
        Assert.True(viewer.Program.State.Wrap);
        viewer.Command("search-server 2h");
        viewer.Settle();

        // When: following, everything fits: the wrapped match, the gap row, every loaded line
        output.WriteLine(viewer.Screen);
        var gap = viewer.RowOf("not loaded between 12:00:05");
        Assert.True(gap > viewer.RowOf("CUDA error"), viewer.Screen);
        Assert.Contains("line 3600", viewer.Rows[gap + 1], StringComparison.Ordinal);
        Assert.True(viewer.RowOf("line 3609") >= 0, viewer.Screen);

        // And: from the top (g), the gap row is still between the match's last wrapped line and the loaded range
        viewer.Press(new Terminal.Gui.Input.Key('g'));
        output.WriteLine(viewer.Screen);
        gap = viewer.RowOf("not loaded between 12:00:05");
        Assert.True(gap > viewer.RowOf("CUDA error"), viewer.Screen);
        Assert.Contains("line 3600", viewer.Rows[gap + 1], StringComparison.Ordinal);
    }
}
