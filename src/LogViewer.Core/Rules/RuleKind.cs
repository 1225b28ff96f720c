namespace LogViewer.Core.Rules;

/// <summary>Whether a rule keeps the lines it matches (<see cref="In"/>) or hides them (<see cref="Out"/>).</summary>
public enum RuleKind
{
    In,
    Out,
}
