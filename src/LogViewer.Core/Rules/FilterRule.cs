namespace LogViewer.Core.Rules;

/// <summary>One row of the rule panel: keep (<see cref="RuleKind.In"/>) or hide (<see cref="RuleKind.Out"/>) what <see cref="Pattern"/> matches, when <see cref="Enabled"/>.</summary>
public sealed record FilterRule(RuleKind Kind, RulePattern Pattern, bool Enabled = true)
{
    public static FilterRule In(string input) => new(RuleKind.In, RulePattern.Parse(input));

    public static FilterRule Out(string input) => new(RuleKind.Out, RulePattern.Parse(input));

    /// <summary>True when the rule takes part in filtering: on, and its pattern is valid.</summary>
    public bool Applies => Enabled && Pattern.Filter is not null;

    /// <summary>"in nccl", "out /tqdm.*it\/s/" as the panel and the commands write it.</summary>
    public string Describe() => $"{(Kind == RuleKind.In ? "in" : "out")} {Pattern.Display}";
}
