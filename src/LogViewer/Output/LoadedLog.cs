using LogViewer.Core.Api;
using LogViewer.Core.Filtering;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;

namespace LogViewer.Output;

/// <summary>
/// A log already read whole (a replayed file), handed to an output mode as it is: the filled store, the filter to
/// show it through, a title, and the status that ends it ("replayed N of M lines from FILE").
/// </summary>
internal sealed record LoadedLog(string Title, LogStore Store, LogFilter Filter, TailStatus Ended)
{
    /// <summary>
    /// When the log is still being read into <see cref="Store"/>: the statuses saying how far, ending with
    /// <see cref="Ended"/> (or a failure) once it is all in. Null when it was read whole before it was handed over.
    /// </summary>
    public IObservable<TailEvent>? Reading { get; init; }

    /// <summary>
    /// Messages about the inputs gathered while <see cref="Reading"/> (what a read whole writes to stderr at once), for
    /// the output mode to write once the read has ended and the screen is free: after the TUI, before a text summary.
    /// </summary>
    public Func<string>? HeldMessages { get; init; }

    /// <summary>The command-line filters <see cref="Filter"/> was made from: the TUI shows them as rules instead.</summary>
    public LogQuery Query { get; init; } = new();

    /// <summary>Where the TUI remembers this log's rules and view settings (the file's full path); none when null.</summary>
    public string? SessionKey { get; init; }
}
