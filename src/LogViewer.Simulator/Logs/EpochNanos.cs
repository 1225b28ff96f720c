namespace LogViewer.Simulator.Logs;

/// <summary>Epoch nanoseconds of a <see cref="DateTimeOffset"/> (which counts in 100 ns ticks).</summary>
internal static class EpochNanos
{
    public static long Of(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks * 100;
}
