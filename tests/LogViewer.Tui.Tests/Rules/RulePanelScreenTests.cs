using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;
using LogViewer.Tui.Rules;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Rules;

/// <summary>The rule panel as a user drives it, in a headless terminal: keys in, screen text out.</summary>
public sealed class RulePanelScreenTests(ITestOutputHelper output)
{
    private static readonly LogEntry[] Noise =
    [
        Entries.At(1, "NCCL INFO ring 0 connected"),
        Entries.At(2, "train  40%|████      | 40/100 [00:10<00:15, 4.00it/s]"),
        Entries.At(3, "step 40 loss 0.512", LogLevel.Warning),
        Entries.At(4, "CUDA error: out of memory", LogLevel.Error),
        Entries.At(5, "NCCL WARN timeout", LogLevel.Warning),
    ];

    [Fact]
    public void Two_Out_Rules_And_An_In_Rule_Through_The_Panel_With_Counts_Toggle_Reorder_Edit_And_Delete()
    {
        // Given: a viewer holding noise and signal.
        using var viewer = new ViewerHarness(width: 100, height: 30, configure: s => s with { Target = new DeploymentTarget("m1", "d1") });
        viewer.Feed(Noise);

        // When: Tab opens the panel and two out-rules are added.
        viewer.Press(Key.Tab);
        Assert.NotEqual(-1, viewer.RowOf("no rules: i adds an in-rule"));
        AddRule(viewer, 'o', "NCCL");
        AddRule(viewer, 'o', "it/s");
        output.WriteLine(viewer.Screen);

        // Then: each row shows its number, state, kind, pattern and count; the noise is gone.
        Assert.Matches(@"1 \[x\] out NCCL +2 server", viewer.Rows[viewer.RowOf("out NCCL")]);
        Assert.Matches(@"2 \[x\] out it/s +1 local", viewer.Rows[viewer.RowOf("out it/s")]);
        Assert.Equal(-1, viewer.RowOf("NCCL INFO ring"));
        Assert.Equal(-1, viewer.RowOf("40/100"));
        Assert.NotEqual(-1, viewer.RowOf("step 40 loss"));

        // When: an in-rule keeps only errors' text; Space turns it off and on again.
        AddRule(viewer, 'i', "/error|loss/");
        Assert.Equal(-1, viewer.RowOf("NCCL WARN"));
        Assert.NotEqual(-1, viewer.RowOf("CUDA error"));
        viewer.Press(Key.Space);
        Assert.Matches(@"3 \[ \] in  /error\|loss/", viewer.Rows[viewer.RowOf("/error|loss/")]);
        Assert.Contains("3 rules, 1 off", viewer.Screen, StringComparison.Ordinal);
        viewer.Press(Key.Space);
        Assert.Contains("3 rules ·", viewer.Screen.Replace("3 rules (Tab", "3 rules ·(Tab", StringComparison.Ordinal), StringComparison.Ordinal);

        // When: the in-rule moves up twice, the top rule is edited, and the second deleted.
        viewer.Press(new Key('K'));
        viewer.Press(new Key('K'));
        Assert.Equal(["in /error|loss/", "out NCCL", "out it/s"], viewer.Program.State.Rules.Rules.Select(r => r.Describe()));
        viewer.Press(Key.Enter);
        viewer.Press(Key.End); // the edited pattern starts selected, so typing alone would replace it
        viewer.Press(Key.Backspace);
        viewer.Type("|INFO/");
        viewer.Press(Key.Enter);
        Assert.Equal("in /error|loss|INFO/", viewer.Program.State.Rules.Rules[0].Describe());
        viewer.Press(Key.J);
        viewer.Press(Key.D);
        Assert.Equal(["in /error|loss|INFO/", "out it/s"], viewer.Program.State.Rules.Rules.Select(r => r.Describe()));
        Assert.NotEqual(-1, viewer.RowOf("NCCL INFO ring"));

        // When: Esc leaves the panel.
        viewer.Press(Key.Esc);
        Assert.False(viewer.Program.State.Panel.Open);
        Assert.Contains("filter: 2 rules", viewer.Rows[28], StringComparison.Ordinal);
    }

    [Fact]
    public void An_Invalid_Pattern_Is_Shown_In_Place_And_Applies_Nothing()
    {
        using var viewer = new ViewerHarness(width: 120, height: 30);
        viewer.Feed(Noise);
        viewer.Press(Key.Tab);
        AddRule(viewer, 'i', "/[unclosed/");
        output.WriteLine(viewer.Screen);

        Assert.Contains("! invalid regular expression '[unclosed'", viewer.Rows[viewer.RowOf("in  /[unclosed/")], StringComparison.Ordinal);
        Assert.Contains("1 rule, 1 invalid", viewer.Screen, StringComparison.Ordinal);
        Assert.NotEqual(-1, viewer.RowOf("NCCL INFO ring"));
    }

    [Fact]
    public void Paused_New_Counts_Only_Entries_The_Rules_Show()
    {
        // Given: a paused viewer with an out-rule.
        using var viewer = new ViewerHarness(configure: s => s with { InitialRules = RuleSet.Empty.Add(FilterRule.Out("NCCL")) });
        viewer.Feed(Entries.Numbered(1, 30));
        viewer.Press(Key.K);
        Assert.False(viewer.Program.State.Following);

        // When: five lines arrive, two of which the rule hides.
        viewer.Feed(Entries.At(40, "NCCL a"), Entries.At(41, "kept 1"), Entries.At(42, "NCCL b"), Entries.At(43, "kept 2"), Entries.At(44, "kept 3"));

        // Then: the status counts three new.
        Assert.Contains("PAUSED 3 new", viewer.Rows[23], StringComparison.Ordinal);
    }

    [Fact]
    public void Command_Line_Filters_Appear_As_Rules_And_Clear_Filters_Shows_Everything()
    {
        var query = new LogQuery { Excludes = ["NCCL"], Includes = ["loss"], MinLevel = LogLevel.Warning };
        using var viewer = new ViewerHarness(width: 100, height: 30, configure: s => s with { InitialRules = RuleSet.FromQuery(query) });
        viewer.Feed(Noise);
        viewer.Press(Key.Tab);
        output.WriteLine(viewer.Screen);
        output.WriteLine(viewer.Program.State.Rules.Summary());

        Assert.NotEqual(-1, viewer.RowOf("1 [x] in  loss"));
        Assert.NotEqual(-1, viewer.RowOf("2 [x] out NCCL"));
        Assert.Contains("2 rules · level >= WARNING", viewer.Screen, StringComparison.Ordinal);
        Assert.Equal(1, viewer.Program.State.Figures.Shown);

        viewer.Program.Dispatch(new ClearAllFilters());
        viewer.Settle();
        Assert.Equal(5, viewer.Program.State.Figures.Shown);
        Assert.Contains("filters cleared", viewer.Screen, StringComparison.Ordinal);
        Assert.Empty(viewer.Program.State.Rules.Rules);
    }

    [Fact]
    public void A_Restored_Session_Says_So_And_The_Closing_State_Is_Remembered()
    {
        var saved = SessionRules.Save(new SavedSession { TimeFormat = "UtcIso", Wrap = true }, RuleSet.Empty.Add(FilterRule.Out("NCCL")).Add(FilterRule.Out("it/s")).Add(FilterRule.In("loss")).Toggle(1));
        SavedSession? remembered = null;
        using (var viewer = new ViewerHarness(width: 100, configure: s => s with { Restored = new SessionLoad(saved, null), Remember = r => remembered = r }))
        {
            viewer.Feed(Noise);
            output.WriteLine(viewer.Screen);
            Assert.Contains("restored 3 rules from the last session", viewer.Screen, StringComparison.Ordinal);
            Assert.True(viewer.Program.State.Wrap);
            viewer.Press(Key.Tab);
            viewer.Press(Key.Space);
        }

        Assert.NotNull(remembered);
        Assert.Equal([false, false, true], remembered!.Rules.Select(r => r.Enabled));
        Assert.Equal("UtcIso", remembered.TimeFormat);
    }

    [Fact]
    public void A_Restored_Hidden_Replica_Is_Counted_In_Plain_Words()
    {
        var saved = SessionRules.Save(new SavedSession(), RuleSet.Empty.Add(FilterRule.Out("NCCL")).HideReplica("r-2"));
        using var viewer = new ViewerHarness(width: 120, configure: s => s with { Restored = new SessionLoad(saved, null) });
        viewer.Feed(Noise);

        Assert.Contains("restored 1 rule, 1 hidden replica from the last session", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Damaged_Session_Is_One_Line_And_The_Viewer_Starts_Clean()
    {
        using var viewer = new ViewerHarness(width: 120, configure: s => s with { Restored = new SessionLoad(null, "the saved session /x.json could not be read (it is not valid session JSON); it was ignored (:forget removes it).") });
        viewer.Feed(Noise);
        Assert.Contains("could not be read (it is not valid session JSON)", viewer.Screen, StringComparison.Ordinal);
        Assert.Equal(5, viewer.Program.State.Figures.Shown);
    }

    private static void AddRule(ViewerHarness viewer, char kind, string pattern)
    {
        viewer.Press(new Key(kind));
        viewer.Type(pattern);
        viewer.Press(Key.Enter);
    }
}
