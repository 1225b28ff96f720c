using LogViewer.Core.Model;

namespace LogViewer.Core.Store;

/// <summary>
/// Line counts of a store or of a filtered view at one moment: in total, per level and per replica.
/// An immutable value: the sidebar and status bar read it from a snapshot while counting goes on.
/// </summary>
public sealed class LogCounts
{
    private readonly long[] _byLevel;
    private readonly long[] _byReplicaCode;
    private readonly string?[] _replicaNames;

    internal LogCounts(long[] byLevel, long[] byReplicaCode, string?[] replicaNames)
    {
        _byLevel = byLevel;
        _byReplicaCode = byReplicaCode;
        _replicaNames = replicaNames;
        Total = byLevel.Sum();
    }

    public static LogCounts Empty { get; } = new(new long[LevelSlots], [], [null]);

    internal const int LevelSlots = (int)LogLevel.Error + 1;

    public long Total { get; }

    /// <summary>Lines with exactly this level (<see cref="LogLevel.None"/>: lines without a level).</summary>
    public long ForLevel(LogLevel level) => _byLevel[(int)level];

    /// <summary>Lines of this replica (<c>null</c>: lines without a replica); 0 for a replica never seen.</summary>
    public long ForReplica(string? replica)
    {
        for (var code = 0; code < _byReplicaCode.Length; code++)
        {
            if (string.Equals(_replicaNames[code], replica, StringComparison.Ordinal))
            {
                return _byReplicaCode[code];
            }
        }

        return 0;
    }

    /// <summary>Every replica with at least one line, in the order they were first seen (<c>null</c> first).</summary>
    public IReadOnlyList<KeyValuePair<string?, long>> ByReplica
    {
        get
        {
            var list = new List<KeyValuePair<string?, long>>();
            for (var code = 0; code < _byReplicaCode.Length; code++)
            {
                if (_byReplicaCode[code] > 0)
                {
                    list.Add(new(_replicaNames[code], _byReplicaCode[code]));
                }
            }

            return list;
        }
    }
}

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

    public void Clear()
    {
        Array.Clear(_byLevel);
        Array.Clear(_byReplicaCode);
        _replicaCodes = 0;
    }

    public LogCounts Publish(string?[] replicaNames) =>
        new((long[])_byLevel.Clone(), _byReplicaCode.AsSpan(0, _replicaCodes).ToArray(), replicaNames);
}
