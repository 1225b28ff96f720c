using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// One answer of the logs endpoint, in the order the server sent it, and what decoding it cost: entries skipped
/// (by the reason, naming the field at fault) and entries kept with repaired text.
/// </summary>
public sealed record LogPage(IReadOnlyList<LogEntry> Entries, DecodeReport Problems)
{
    /// <summary>A page that decoded cleanly.</summary>
    public LogPage(IReadOnlyList<LogEntry> entries)
        : this(entries, DecodeReport.None)
    {
    }

    /// <summary>Entries skipped as not decodable.</summary>
    public int SkippedMalformed => Problems.SkippedCount;
}
