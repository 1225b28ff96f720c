namespace LogViewer.Simulator.Logs;

/// <summary>
/// A line as the store keeps it: the public value plus its place in the generation order and its level's rank. A value
/// in the store's array, not an object of its own: hours of lines are held, and each object is more work for the GC.
/// </summary>
internal readonly struct StoredLine(SimulatedLine line, long sequence)
{
    public SimulatedLine Line { get; } = line;

    /// <summary>Breaks timestamp ties: lines with one timestamp keep the order they were generated or injected in.</summary>
    public long Sequence { get; } = sequence;

    public int LevelRank { get; } = LevelRanks.Of(line.Level);

    public long TimestampNanos => Line.TimestampNanos;

    public bool Precedes(StoredLine other) =>
        TimestampNanos < other.TimestampNanos || (TimestampNanos == other.TimestampNanos && Sequence < other.Sequence);
}
