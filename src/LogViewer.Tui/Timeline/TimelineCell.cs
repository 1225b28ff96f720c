namespace LogViewer.Tui.Timeline;

/// <summary>One cell of a timeline bar: its character and which level group it draws (for its colour).</summary>
internal readonly record struct TimelineCell(char Glyph, TimelineCellKind Kind)
{
    public static TimelineCell Blank { get; } = new(' ', TimelineCellKind.Empty);
}

/// <summary>The level group a bar cell stands for.</summary>
internal enum TimelineCellKind
{
    Empty,
    Other,
    Warning,
    Error,
}
