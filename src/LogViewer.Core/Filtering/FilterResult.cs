namespace LogViewer.Core.Filtering;

/// <summary>A filter built from user input, or the one-line reason it could not be built.</summary>
public sealed record FilterResult(LogFilter? Filter, string? Error)
{
    public bool IsValid => Filter is not null;
}
