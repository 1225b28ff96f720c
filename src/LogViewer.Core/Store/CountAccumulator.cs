using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>The writer side of <see cref="LogCounts"/>: adds and removes lines, then publishes a copy.</summary>
internal sealed class CountAccumulator
{
    private readonly long[] _byLevel = new long[LogCounts.LevelSlots];
    private long[] _byReplicaCode = new long[8];
    private int _replicaCodes;

    public void Add(LogLevel level, int replicaCode, long delta)
    {
        _byLevel[(int)level] += delta;
        if (replicaCode >= _byReplicaCode.Length)
        {
            Array.Resize(ref _byReplicaCode, Math.Max(replicaCode + 1, _byReplicaCode.Length * 2));
        }

        _byReplicaCode[replicaCode] += delta;
        _replicaCodes = Math.Max(_replicaCodes, replicaCode + 1);
    }

    public void AddRange(LogChunk chunk, int from, int to, long delta)
    {
        for (var i = from; i < to; i++)
        {
            Add(chunk.Level(i), chunk.ReplicaCode(i), delta);
        }
    }

    /// <summary>Whether any line of this replica code is counted.</summary>
    public bool HasLines(int replicaCode) => replicaCode < _replicaCodes && _byReplicaCode[replicaCode] > 0;

    public void Clear()
    {
        Array.Clear(_byLevel);
        Array.Clear(_byReplicaCode);
        _replicaCodes = 0;
    }

    public LogCounts Publish(string?[] replicaNames) =>
        new((long[])_byLevel.Clone(), _byReplicaCode.AsSpan(0, _replicaCodes).ToArray(), replicaNames);
}
