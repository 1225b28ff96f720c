namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// What parsers may need from the state without reading it all: the zone local times are read in, and how many
/// rules there are (so <c>:delete 9</c> is refused in place when there is no rule 9).
/// </summary>
internal sealed record PromptContext(TimeZoneInfo LocalZone, int RuleCount = 0);
