using LogViewer.Simulator.Logs;

namespace LogViewer.Simulator.Http;

/// <summary>A logs request, validated: the window in nanoseconds (both ends inclusive), order, page size, filters.</summary>
internal sealed record LogsQuery(long FromNanos, long ToNanos, bool Ascending, int Limit, LineFilter Filter);
