namespace LogViewer.Simulator.Logs;

/// <summary>A line as the store keeps it: the public value plus its place in the generation order and its level's rank.</summary>
internal sealed class StoredLine(SimulatedLine line, long sequence)
{
    public SimulatedLine Line { get; } = line;

    /// <summary>Breaks timestamp ties: lines with one timestamp keep the order they were generated or injected in.</summary>
    public long Sequence { get; } = sequence;

    public int LevelRank { get; } = LevelRanks.Of(line.Level);

    public long TimestampNanos => Line.TimestampNanos;

    public bool Precedes(StoredLine other) =>
        TimestampNanos < other.TimestampNanos || (TimestampNanos == other.TimestampNanos && Sequence < other.Sequence);
}

/// <summary>The API's level strings as ranks; 0 is a line with no (or an unknown) level, which any min_level drops.</summary>
internal static class LevelRanks
{
    public const int None = 0;

    public static int Of(string? level) => level switch
    {
        "DEBUG" => 1,
        "INFO" => 2,
        "WARNING" => 3,
        "ERROR" => 4,
        _ => None,
    };

    public static bool IsKnown(string level) => Of(level) != None;
}
