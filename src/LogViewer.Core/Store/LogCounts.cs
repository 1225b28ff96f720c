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
