using System.Collections.Immutable;
using System.Text.RegularExpressions;
using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Store;

namespace LogViewer.Core.Tests.Rules;

/// <summary>
/// Rule sets applied through the store's filtered view against a reference filter written from the documented
/// semantics alone (plain LINQ over the entries, the framework's own string and regex matching).
/// </summary>
public sealed class RuleSetSemanticsTests
{
    private static readonly string[] Words = ["NCCL", "nccl", "health", "/health", "GET", "loss", "Loss", "step", "tqdm", "it/s", "ERROR:", "ok", "Ärger", "ärger", "=", "42"];
    private static readonly string?[] Replicas = [null, "r-a", "r-b", "r-c"];
    private static readonly string?[] Requests = [null, "req-1", "req-2"];
    private static readonly string[] Patterns = ["nccl", "NCCL", "health", "\\/health", "/hea?lth/", "/Loss|STEP/", "/\\d+/", "it/s", "ärger", "Ärger", "/[/", "ok", "/^GET/", "loss"];

    [Fact]
    public async Task Random_Rule_Sets_Show_Exactly_What_The_Reference_Filter_Shows()
    {
        // Given: a seeded random store of entries over a few words, levels, replicas and requests.
        var random = new Random(20261201);
        var entries = Enumerable.Range(0, 6000).Select(i => RandomEntry(random, i * 10L)).ToList();
        var store = new LogStore();
        store.Add(entries);
        using var view = new FilteredView(store);

        for (var trial = 0; trial < 150; trial++)
        {
            // When: a random rule set is applied.
            var rules = RandomRuleSet(random, entries.Count * 10L);
            Assert.True(await view.SetFilterAsync(rules.ToFilter()));

            // Then: the view shows exactly the reference's entries, in order.
            var expected = entries.Where(entry => Reference(rules, entry)).Select(entry => entry.TimestampNanos).ToList();
            var actual = Enumerable.Range(0, view.Current.Count).Select(row => view.Current.TimestampAt(row)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"trial {trial}: {Describe(rules)}: expected {expected.Count}, got {actual.Count}");
        }
    }

    [Theory]
    [InlineData("nccl", false)]
    [InlineData("NCCL", true)]
    [InlineData("/\\S+ok/", false)]
    [InlineData("/\\SOK/", true)]
    public void Smartcase_Ignores_Case_Unless_The_Pattern_Has_An_Uppercase_Letter(string input, bool caseSensitive) =>
        Assert.Equal(caseSensitive, RulePattern.Parse(input).CaseSensitive);

    [Fact]
    public void A_Leading_Backslash_Slash_Is_Literal_Text_And_Slashes_Make_A_Regex()
    {
        Assert.Equal(("/health", false), (RulePattern.Parse("\\/health").Text, RulePattern.Parse("\\/health").IsRegex));
        Assert.Equal(("a+b", true), (RulePattern.Parse("/a+b/").Text, RulePattern.Parse("/a+b/").IsRegex));
        Assert.Equal("\\/health", RulePattern.Literal("/health").Display);
    }

    [Fact]
    public void An_Invalid_Regex_Rule_Applies_Nothing_And_Says_Why()
    {
        var rules = RuleSet.Empty.Add(FilterRule.In("/[unclosed/"));
        Assert.NotNull(rules.Rules[0].Pattern.Error);
        Assert.Contains("[unclosed", rules.Rules[0].Pattern.Error, StringComparison.Ordinal);
        Assert.True(rules.ToFilter().KeepsAll);
        Assert.Equal("1 rule, 1 invalid", rules.Summary());
    }

    [Fact]
    public void Summary_Counts_Rules_And_The_Ones_Turned_Off()
    {
        var rules = RuleSet.Empty.Add(FilterRule.Out("nccl")).Add(FilterRule.Out("tqdm")).Add(FilterRule.In("loss")).Toggle(1)
            with { MinimumLevel = LogLevel.Warning };
        Assert.Equal("3 rules, 1 off · level >= WARNING", rules.Summary());
    }

    [Fact]
    public void Move_Keeps_Every_Rule_And_Stops_At_The_Ends()
    {
        var rules = RuleSet.Empty.Add(FilterRule.Out("a")).Add(FilterRule.Out("b")).Add(FilterRule.Out("c"));
        Assert.Equal(["b", "a", "c"], rules.Move(1, -1).Rules.Select(r => r.Pattern.Text));
        Assert.Equal(["b", "c", "a"], rules.Move(0, 5).Rules.Select(r => r.Pattern.Text));
        Assert.Equal(["a", "b"], rules.Delete(2).Rules.Select(r => r.Pattern.Text));
    }

    /// <summary>The documented semantics, written independently of the filter code.</summary>
    private static bool Reference(RuleSet rules, LogEntry entry)
    {
        if (rules.MinimumLevel != LogLevel.None && (entry.Level == LogLevel.None || entry.Level < rules.MinimumLevel))
        {
            return false;
        }

        if (rules.IsolatedReplica is { } only ? entry.Replica != only : entry.Replica is { } replica && rules.HiddenReplicas.Contains(replica))
        {
            return false;
        }

        if (rules.RequestId is { } request && entry.RequestId != request)
        {
            return false;
        }

        if ((rules.FromNanos is { } from && entry.TimestampNanos < from) || (rules.ToNanos is { } to && entry.TimestampNanos > to))
        {
            return false;
        }

        var applied = rules.Rules.Where(rule => rule.Enabled && ReferenceMatcher(rule.Pattern) is not null).ToList();
        if (applied.Any(rule => rule.Kind == RuleKind.Out && ReferenceMatcher(rule.Pattern)!(entry.Message)))
        {
            return false;
        }

        var ins = applied.Where(rule => rule.Kind == RuleKind.In).ToList();
        return ins.Count == 0 || ins.Any(rule => ReferenceMatcher(rule.Pattern)!(entry.Message));
    }

    private static Func<string, bool>? ReferenceMatcher(RulePattern pattern)
    {
        var ignoreCase = !pattern.Text.Where((c, i) => !(pattern.IsRegex && i > 0 && pattern.Text[i - 1] == '\\')).Any(char.IsUpper);
        if (!pattern.IsRegex)
        {
            return message => message.Contains(pattern.Text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        try
        {
            var regex = new Regex(pattern.Text, ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.CultureInvariant);
            return regex.IsMatch;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static RuleSet RandomRuleSet(Random random, long span)
    {
        var rules = RuleSet.Empty;
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var rule = new FilterRule(random.Next(2) == 0 ? RuleKind.In : RuleKind.Out, RulePattern.Parse(Patterns[random.Next(Patterns.Length)]), random.NextDouble() < 0.8);
            rules = rules.Add(rule);
        }

        return rules with
        {
            MinimumLevel = random.NextDouble() < 0.3 ? (LogLevel)random.Next(1, 5) : LogLevel.None,
            HiddenReplicas = random.NextDouble() < 0.3 ? ImmutableSortedSet.Create(StringComparer.Ordinal, "r-b") : rules.HiddenReplicas,
            IsolatedReplica = random.NextDouble() < 0.1 ? "r-a" : null,
            RequestId = random.NextDouble() < 0.1 ? "req-1" : null,
            FromNanos = random.NextDouble() < 0.15 ? random.NextInt64(0, span / 2) : null,
            ToNanos = random.NextDouble() < 0.15 ? random.NextInt64(span / 2, span) : null,
        };
    }

    private static LogEntry RandomEntry(Random random, long timestamp)
    {
        var words = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Words[random.Next(Words.Length)]);
        return new LogEntry(
            timestamp,
            string.Join(random.Next(3) == 0 ? "" : " ", words),
            Replicas[random.Next(Replicas.Length)],
            Requests[random.Next(Requests.Length)],
            (LogLevel)random.Next(0, 5));
    }

    private static string Describe(RuleSet rules) => string.Join(", ", rules.Rules.Select(r => r.Describe() + (r.Enabled ? "" : " (off)"))) + " " + rules.Summary();
}
