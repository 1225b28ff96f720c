namespace LogViewer.Core.Grouping;

/// <summary>Where an entry being grouped is: what the next line of its replica may be to join it.</summary>
public enum EntryPhase
{
    /// <summary>A plain line, maybe followed by indented continuation lines.</summary>
    Plain,

    /// <summary>Inside a traceback's frames; the first line that is not indented is the exception line.</summary>
    Frames,

    /// <summary>After the exception line: a chain header may link another traceback.</summary>
    AfterException,

    /// <summary>After a chain header: the next traceback belongs to this entry.</summary>
    Chained,
}
