namespace LogViewer.Core.Grouping;

/// <summary>What one log line looks like to <see cref="EntryRule"/>.</summary>
public enum LineKind
{
    /// <summary>Anything else: a line that starts its own entry.</summary>
    Plain,

    /// <summary><c>Traceback (most recent call last):</c></summary>
    TracebackStart,

    /// <summary>Starts with a space or a tab: a frame, a source line, a continued message.</summary>
    Indented,

    /// <summary>Empty or only whitespace.</summary>
    Blank,

    /// <summary><c>During handling of the above exception, another exception occurred:</c> or <c>The above exception was the direct cause of the following exception:</c></summary>
    ChainHeader,
}
