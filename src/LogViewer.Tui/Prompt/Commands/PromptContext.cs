namespace LogViewer.Tui.Prompt.Commands;

/// <summary>What parsers may need from the state without reading it all: the zone local times are read in.</summary>
internal sealed record PromptContext(TimeZoneInfo LocalZone);
