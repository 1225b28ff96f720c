using LogViewer.Simulator.Hosting;

namespace LogViewer.Simulator.Tests;

/// <summary>
/// What the API should answer, computed from the ground truth with plain LINQ: an independent statement of the
/// semantics (window by millisecond, both ends inclusive; visibility; order; limit) to compare the server against.
/// </summary>
public static class Reference
{
    public static List<WireLine> Expected(
        SimulatorServer server,
        string logsPath,
        long fromMillis,
        long toMillis,
        DateTimeOffset now,
        Func<GroundTruthLine, bool>? predicate = null,
        bool ascending = false,
        int limit = 500)
    {
        var inWindow = server.GroundTruth(logsPath)
            .Where(line => FloorMillis(line.TimestampNanos) >= fromMillis && FloorMillis(line.TimestampNanos) <= toMillis)
            .Where(line => line.VisibleAt <= now)
            .Where(predicate ?? (_ => true))
            .Select(WireLine.From);
        // Ground truth is ascending with ties in generation order; descending is its exact reverse.
        var ordered = ascending ? inWindow.ToList() : inWindow.Reverse().ToList();
        return ordered.Take(limit).ToList();
    }

    public static int Rank(string? level) => level switch
    {
        "DEBUG" => 1,
        "INFO" => 2,
        "WARNING" => 3,
        "ERROR" => 4,
        _ => 0,
    };

    private static long FloorMillis(long nanos) => (long)Math.Floor(nanos / 1_000_000.0);
}
