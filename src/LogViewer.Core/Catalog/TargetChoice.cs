using LogViewer.Core.Model;

namespace LogViewer.Core.Catalog;

/// <summary>
/// A target resolved from what the user typed: the ids to tail, a title with names, and when LogViewer chose
/// something the user did not name (the most recent job, the production deployment) the sentence saying which.
/// </summary>
public sealed record TargetChoice(LogTarget Target, string Title, string? Note);
