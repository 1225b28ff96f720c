namespace LogViewer.Core.Rules;

/// <summary>Whether one rule went to the server in a <see cref="PushdownPlan"/>, and if not, why (it is still applied locally).</summary>
public sealed record RulePushdown(bool Sent, string Note);
