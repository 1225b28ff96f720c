using System.Globalization;
using System.Text.Json;
using LogViewer.Simulator;

namespace LogViewer.Tests.ExactlyOnce;

/// <summary>
/// Compares what <c>--output jsonl</c> printed with the simulator's ground truth, as multisets of whole lines
/// (timestamp, message, replica, request id, level), so genuine repeats count as many times as they were logged.
/// </summary>
internal sealed record GroundTruthComparison(int Expected, int Printed, int Missing, int Duplicated, int Invented, int OutOfRange)
{
    public static GroundTruthComparison Of(IReadOnlyList<GroundTruthLine> truth, IReadOnlyList<string> printedJsonLines, long fromMs, long cutoffMs)
    {
        var truthCounts = CountBy(truth.Select(Identity));
        var expected = CountBy(truth.Where(line => InRange(line.TimestampNanos, fromMs, cutoffMs)).Select(Identity));
        var printed = printedJsonLines.Select(Parse).ToList();
        var printedCounts = CountBy(printed);

        var missing = expected.Sum(pair => Math.Max(0, pair.Value - printedCounts.GetValueOrDefault(pair.Key)));
        var duplicated = printedCounts.Where(pair => truthCounts.ContainsKey(pair.Key))
            .Sum(pair => Math.Max(0, pair.Value - truthCounts[pair.Key]));
        var invented = printedCounts.Where(pair => !truthCounts.ContainsKey(pair.Key)).Sum(pair => pair.Value);
        var outOfRange = printed.Count(line => line.TimestampNanos / 1_000_000 < fromMs);
        return new GroundTruthComparison(expected.Values.Sum(), printed.Count, missing, duplicated, invented, outOfRange);
    }

    private static bool InRange(long timestampNanos, long fromMs, long cutoffMs) =>
        timestampNanos / 1_000_000 >= fromMs && timestampNanos / 1_000_000 <= cutoffMs;

    private static LineIdentity Identity(GroundTruthLine line) =>
        new(line.TimestampNanos, line.Message, line.Replica, line.RequestId, line.Level);

    private static LineIdentity Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new LineIdentity(
            long.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("message").GetString()!,
            root.GetProperty("replica").GetString(),
            root.GetProperty("request_id").GetString(),
            root.GetProperty("level").GetString());
    }

    private static Dictionary<LineIdentity, int> CountBy(IEnumerable<LineIdentity> lines)
    {
        var counts = new Dictionary<LineIdentity, int>();
        foreach (var line in lines)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        return counts;
    }

    private sealed record LineIdentity(long TimestampNanos, string Message, string? Replica, string? RequestId, string? Level);
}
