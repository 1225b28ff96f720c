using LogViewer.Core.Filtering;
using LogViewer.Core.Store;
using LogViewer.Core.Tail;

namespace LogViewer.Output;

/// <summary>
/// A log already read whole (a replayed file), handed to an output mode as it is: the filled store, the filter to
/// show it through, a title, and the status that ends it ("replayed N of M lines from FILE").
/// </summary>
internal sealed record LoadedLog(string Title, LogStore Store, LogFilter Filter, TailStatus Ended);
