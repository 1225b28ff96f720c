namespace LogViewer.Core.Tail;

/// <summary>
/// How far the newest-first back-fill (<see cref="TailOptions.NewestFirst"/>) has read: the range
/// [<see cref="FromEpochMillis"/>, <see cref="ToEpochMillis"/>] is read from its end, and everything from
/// <see cref="BackToEpochMillis"/> to the end is in.
/// </summary>
public sealed record HistoryProgress(long FromEpochMillis, long ToEpochMillis, long BackToEpochMillis)
{
    /// <summary>The whole range is read.</summary>
    public bool Complete { get; init; }

    /// <summary>Stopped at <see cref="TailOptions.HistoryLineLimit"/> before the range's start.</summary>
    public bool StoppedAtLimit { get; init; }

    /// <summary>The range has an end and is not followed (<c>--to</c>, <c>--no-follow</c>): the back-fill is the whole read.</summary>
    public bool ClosedRange { get; init; }

    /// <summary>Lines the back-fill has read (its first page included).</summary>
    public long Lines { get; init; }

    /// <summary>The part of the range read, 0 to 1, by time.</summary>
    public double Fraction => Complete ? 1
        : ToEpochMillis <= FromEpochMillis ? 0
        : Math.Clamp((double)(ToEpochMillis - BackToEpochMillis) / (ToEpochMillis - FromEpochMillis), 0, 1);

    /// <summary>Still reading: neither complete nor stopped.</summary>
    public bool Filling => !Complete && !StoppedAtLimit;
}
