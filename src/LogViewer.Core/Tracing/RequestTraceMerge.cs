using LogViewer.Core.Model;

namespace LogViewer.Core.Tracing;

/// <summary>
/// A request trace's lines: those the viewer holds for the request, joined by those the server returned for it, each
/// line exactly once. A fetched line is new only for the copies of it (same five fields) the held lines do not already
/// have, so a line printed twice on purpose stays twice while the overlap of the two sources counts once. The result is
/// in time order; lines sharing a timestamp keep the held order, then the server's.
/// </summary>
public static class RequestTraceMerge
{
    /// <summary>The merged lines, oldest first, and how many of them only the server had.</summary>
    public static (IReadOnlyList<LogEntry> Lines, int FromServer) Merge(IReadOnlyList<LogEntry> held, IReadOnlyList<LogEntry> fetched)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(fetched);
        var copies = new Dictionary<LogEntry, int>();
        foreach (var line in held)
        {
            copies[line] = copies.GetValueOrDefault(line) + 1;
        }

        var merged = new List<LogEntry>(held.Count + fetched.Count);
        merged.AddRange(held);
        var added = 0;
        foreach (var line in fetched)
        {
            if (copies.TryGetValue(line, out var left) && left > 0)
            {
                copies[line] = left - 1;
                continue;
            }

            merged.Add(line);
            added++;
        }

        // OrderBy is stable: equal timestamps keep held-then-fetched order.
        return ([.. merged.OrderBy(line => line.TimestampNanos)], added);
    }
}
