using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.Rules;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Rules;

/// <summary>The rule commands of the <c>:</c> prompt: how each parses, and what it does on screen.</summary>
public sealed class RuleCommandTests(ITestOutputHelper output)
{
    private static readonly PromptContext TwoRules = new(TimeZoneInfo.Utc, RuleCount: 2);

    private static readonly LogEntry[] Noise =
    [
        Entries.At(1, "NCCL INFO ring 0 connected", LogLevel.Info, "r-alpha"),
        Entries.At(2, "train  40%|████      | 40/100 [00:10<00:15, 4.00it/s]", LogLevel.Info, "r-alpha"),
        Entries.At(3, "step 40 loss 0.512", LogLevel.Warning, "r-beta"),
        Entries.At(4, "CUDA error: out of memory", LogLevel.Error, "r-beta"),
        Entries.At(5, "GET /health 200", LogLevel.Info, "r-alpha"),
        Entries.At(6, "NCCL WARN timeout", LogLevel.Warning, "r-alpha"),
    ];

    [Theory]
    [InlineData("filter-in loss", RuleKind.In, "loss", false)]
    [InlineData("filter-out NCCL", RuleKind.Out, "NCCL", false)]
    [InlineData("filter-out /it\\/s|%\\|/", RuleKind.Out, "it\\/s|%\\|", true)]
    [InlineData("filter-in \\/health", RuleKind.In, "/health", false)]
    [InlineData("filter-in -F /health", RuleKind.In, "/health", false)]
    [InlineData("filter-out -F /v1/models/", RuleKind.Out, "/v1/models/", false)]
    public void Filter_Commands_Parse_Text_Regex_And_Literal_Slashes(string typed, RuleKind kind, string text, bool regex)
    {
        var add = Assert.IsType<AddRule>(CommandRegistry.Parse(typed, TwoRules).Action);
        Assert.Equal(kind, add.Kind);
        Assert.Equal(text, add.Pattern.Text);
        Assert.Equal(regex, add.Pattern.IsRegex);
    }

    [Theory]
    [InlineData("filter-in", "filter-in needs a pattern")]
    [InlineData("filter-out -F", "filter-out needs a pattern")]
    [InlineData("filter-in /(unclosed/", "filter-in /(unclosed/: ")]
    [InlineData("level loud", "level loud: expected debug, info, warning, error, or all")]
    [InlineData("hide-replica", "hide-replica needs a replica id")]
    [InlineData("disable", "disable needs a rule number")]
    [InlineData("enable two", "enable two: expected a rule number")]
    [InlineData("delete 3", "delete 3: rules are numbered 1 to 2")]
    [InlineData("disable 0", "disable 0: rules are numbered 1 to 2")]
    [InlineData("search-server soon", "search-server soon: expected a duration")]
    [InlineData("request a b", "request a b: a request id has no spaces")]
    public void Bad_Arguments_Are_Refused_With_What_To_Type(string typed, string error)
    {
        var parsed = CommandRegistry.Parse(typed, TwoRules);
        Assert.Null(parsed.Action);
        Assert.StartsWith(error, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Other_Rule_Commands_Parse_To_Their_Actions()
    {
        Assert.Equal(new SetMinimumLevel(LogLevel.Warning), CommandRegistry.Parse("level warn", TwoRules).Action);
        Assert.Equal(new SetMinimumLevel(LogLevel.None), CommandRegistry.Parse("level all", TwoRules).Action);
        Assert.Equal(new HideReplica("r-1"), CommandRegistry.Parse("hide-replica r-1", TwoRules).Action);
        Assert.Equal(new ShowReplica("r-1"), CommandRegistry.Parse("show-replica r-1", TwoRules).Action);
        Assert.Equal(new SetRequestId("req-9"), CommandRegistry.Parse("request req-9", TwoRules).Action);
        Assert.Equal(new SetRequestId(null), CommandRegistry.Parse("request", TwoRules).Action);
        Assert.IsType<ClearAllFilters>(CommandRegistry.Parse("clear-filters", TwoRules).Action);
        Assert.Equal(new SetRuleEnabled(2, false), CommandRegistry.Parse("disable 2", TwoRules).Action);
        Assert.Equal(new SetRuleEnabled(1, true), CommandRegistry.Parse("enable 1", TwoRules).Action);
        Assert.Equal(new DeleteRule(2), CommandRegistry.Parse("delete 2", TwoRules).Action);
        Assert.Equal(new SearchServer(TimeSpan.FromDays(7)), CommandRegistry.Parse("search-server", TwoRules).Action);
        Assert.Equal(new SearchServer(TimeSpan.FromHours(3)), CommandRegistry.Parse("search-server 3h", TwoRules).Action);
        Assert.IsType<ForgetSession>(CommandRegistry.Parse("forget", TwoRules).Action);
    }

    [Fact]
    public void A_New_User_Hides_Noise_Keeps_Errors_And_Warnings_Toggles_A_Rule_And_Clears_Everything_With_Commands()
    {
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed(Noise);

        // Two out-rules for NCCL chatter and progress bars (a regex), and only WARNING and above
        viewer.Command("filter-out NCCL");
        viewer.Command("filter-out /it\\/s]$/");
        viewer.Command("level warning");
        viewer.Settle();
        output.WriteLine(viewer.Screen);
        Assert.Equal(["step 40 loss 0.512", "CUDA error: out of memory"], viewer.PaneMessages());
        Assert.Contains("2 rules · level >= WARNING", viewer.Screen, StringComparison.Ordinal);

        // :disable 1 brings the NCCL warning back; :enable 1 hides it again
        viewer.Command("disable 1");
        viewer.Settle();
        Assert.Contains("NCCL WARN timeout", viewer.PaneMessages());
        Assert.Contains("2 rules, 1 off", viewer.Screen, StringComparison.Ordinal);
        viewer.Command("enable 1");
        viewer.Settle();
        Assert.DoesNotContain("NCCL WARN timeout", viewer.PaneMessages());

        // :clear-filters: every line, no rule, no level
        viewer.Command("clear-filters");
        viewer.Settle();
        Assert.Equal(Noise.Length, viewer.PaneMessages().Count);
        Assert.Empty(viewer.Program.State.Rules.Rules);
        Assert.Equal(LogLevel.None, viewer.Program.State.Rules.MinimumLevel);
    }

    [Fact]
    public void A_Literal_Leading_Slash_Replicas_Request_And_Delete_Through_Commands()
    {
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed([.. Noise, Entries.At(7, "served request", LogLevel.Info, "r-alpha") with { RequestId = "req-7" }]);

        viewer.Command("filter-in -F /health");
        viewer.Settle();
        Assert.Equal(["GET /health 200"], viewer.PaneMessages());
        viewer.Command("delete 1");
        viewer.Command("hide-replica r-alpha");
        viewer.Settle();
        Assert.Equal(["step 40 loss 0.512", "CUDA error: out of memory"], viewer.PaneMessages());
        Assert.Contains("1 replica hidden", viewer.Screen, StringComparison.Ordinal);
        viewer.Command("show-replica r-alpha");
        viewer.Command("request req-7");
        viewer.Settle();
        Assert.Equal(["served request"], viewer.PaneMessages());
        viewer.Command("request");
        viewer.Settle();
        Assert.Equal(Noise.Length + 1, viewer.PaneMessages().Count);
    }

    [Fact]
    public void An_Invalid_Regex_Or_A_Missing_Rule_Is_Refused_In_The_Prompt_With_The_Text_Kept()
    {
        using var viewer = new ViewerHarness(width: 120, height: 30);
        viewer.Feed(Noise);

        viewer.Command("filter-out /(oops/");
        output.WriteLine(viewer.Screen);
        Assert.True(viewer.Program.State.Prompt.Open);
        Assert.Equal("filter-out /(oops/", viewer.Program.State.Prompt.Text);
        Assert.Contains("filter-out /(oops/: ", viewer.Screen, StringComparison.Ordinal);
        Assert.Empty(viewer.Program.State.Rules.Rules);

        viewer.Press(Terminal.Gui.Input.Key.Esc);
        viewer.Command("delete 1");
        Assert.Contains("delete 1: there are no rules", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_Completes_A_Rule_Command_Name()
    {
        using var viewer = new ViewerHarness();

        viewer.Press(new Terminal.Gui.Input.Key(':'));
        viewer.Type("clear-f");
        viewer.Press(Terminal.Gui.Input.Key.Tab);

        Assert.Equal("clear-filters", viewer.Program.State.Prompt.Text.TrimEnd());
    }

    [Fact]
    public void Colon_In_The_Open_Panel_Runs_A_Command_And_The_Panel_Shows_It()
    {
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed(Noise);
        viewer.Press(Terminal.Gui.Input.Key.Tab);

        viewer.Command("filter-out NCCL");
        viewer.Settle();
        output.WriteLine(viewer.Screen);

        Assert.True(viewer.Program.State.Panel.Open);
        Assert.NotEqual(-1, viewer.RowOf("1 [x] out NCCL"));
    }
}
