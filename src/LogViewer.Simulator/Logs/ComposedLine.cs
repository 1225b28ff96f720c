namespace LogViewer.Simulator.Logs;

/// <summary>One line's content before it gets a timestamp, replica and visibility.</summary>
internal readonly record struct ComposedLine(LineText Text, string? Level, string? RequestId);
