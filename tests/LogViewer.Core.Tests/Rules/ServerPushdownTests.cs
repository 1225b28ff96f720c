using LogViewer.Core.Model;
using LogViewer.Core.Rules;

namespace LogViewer.Core.Tests.Rules;

public sealed class ServerPushdownTests
{
    private static readonly DeploymentTarget Deployment = new("m", "d");

    [Fact]
    public void Several_In_Rules_Go_As_One_Alternation_With_Smartcase_Per_Rule()
    {
        var rules = RuleSet.Empty.Add(FilterRule.In("OOM")).Add(FilterRule.In("nccl (x)")).Add(FilterRule.In("/step \\d+/"));
        var plan = ServerPushdown.Plan(rules, Deployment);
        Assert.Equal("(?:OOM)|(?i:nccl \\(x\\))|(?i:step \\d+)", plan.Filters.SearchPattern);
        Assert.Empty(plan.Filters.Includes);
        Assert.All(plan.Rules, r => Assert.True(r.Sent));
    }

    [Fact]
    public void Out_Rules_That_Ignore_Case_Or_Are_Regexes_Stay_Local_And_At_Most_Eight_Excludes_Are_Sent()
    {
        var rules = Enumerable.Range(0, 9).Aggregate(RuleSet.Empty, (set, i) => set.Add(FilterRule.Out($"Noise{i}")))
            .Add(FilterRule.Out("tqdm")).Add(FilterRule.Out("/X+/"));
        var plan = ServerPushdown.Plan(rules, Deployment);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"Noise{i}"), plan.Filters.Excludes);
        Assert.Equal([true, true, true, true, true, true, true, true, false, false, false], plan.Rules.Select(r => r.Sent));
        Assert.Contains("8 excludes", plan.Rules[8].Note, StringComparison.Ordinal);
        Assert.Contains("ignores case", plan.Rules[9].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_And_Invalid_Rules_Are_Not_Sent_And_Too_Long_Patterns_Stay_Local()
    {
        var rules = RuleSet.Empty.Add(FilterRule.In("A")).Add(FilterRule.In(new string('b', 300))).Add(FilterRule.Out("/[bad/")).Add(FilterRule.Out("Off")).Toggle(3);
        var plan = ServerPushdown.Plan(rules, Deployment);
        Assert.Null(plan.Filters.SearchPattern);
        Assert.Empty(plan.Filters.Includes);
        Assert.Empty(plan.Filters.Excludes);
        Assert.Equal(["local: the in-rules together exceed the API's 256-character pattern", "local: the in-rules together exceed the API's 256-character pattern", "invalid", "off"], plan.Rules.Select(r => r.Note));
    }

    [Fact]
    public void Level_A_Single_Shown_Replica_And_The_Request_Id_Are_Sent_Hidden_Replicas_Are_Not()
    {
        var rules = RuleSet.Empty with { MinimumLevel = LogLevel.Error, IsolatedReplica = "r-1", RequestId = "req" };
        var plan = ServerPushdown.Plan(rules, Deployment);
        Assert.Equal((LogLevel.Error, "r-1", "req"), (plan.Filters.MinLevel!.Value, plan.Filters.Replica, plan.Filters.RequestId));
        var hidden = ServerPushdown.Plan(RuleSet.Empty.HideReplica("r-2"), Deployment);
        Assert.Null(hidden.Filters.Replica);
        Assert.Contains(hidden.LocalOnly, note => note.StartsWith("hidden replicas", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_Jobs_Get_Only_The_Level()
    {
        var rules = RuleSet.Empty.Add(FilterRule.Out("NCCL")) with { MinimumLevel = LogLevel.Warning, RequestId = "r" };
        var plan = ServerPushdown.Plan(rules, new TrainingJobTarget("p", "j"));
        Assert.Equal(LogLevel.Warning, plan.Filters.MinLevel);
        Assert.Empty(plan.Filters.Excludes);
        Assert.Null(plan.Filters.RequestId);
        Assert.Empty(plan.Filters.Validate(new TrainingJobTarget("p", "j")));
        Assert.Equal("local: the training job API filters only by level", plan.Rules[0].Note);
    }
}
