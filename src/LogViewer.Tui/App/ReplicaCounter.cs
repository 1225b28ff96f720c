namespace LogViewer.Tui.App;

/// <summary>Lines per second of one replica over the last few seconds of wall-clock time, fed with count increases.</summary>
internal sealed class ReplicaCounter
{
    private const int WindowSeconds = 5;
    private const int Slots = WindowSeconds + 1; // the window plus the second in progress
    private readonly long[] _perSecond = new long[Slots];
    private long _currentSecond = long.MinValue;

    public void Add(long count, long unixSecond)
    {
        Advance(unixSecond);
        _perSecond[Modulo(unixSecond)] += count;
    }

    /// <summary>Lines per second over the last <see cref="WindowSeconds"/> whole seconds before <paramref name="unixSecond"/>.</summary>
    public double RatePerSecond(long unixSecond)
    {
        Advance(unixSecond);
        long sum = 0;
        for (var s = unixSecond - WindowSeconds; s < unixSecond; s++)
        {
            if (s > _currentSecond - Slots)
            {
                sum += _perSecond[Modulo(s)];
            }
        }

        return sum / (double)WindowSeconds;
    }

    private void Advance(long unixSecond)
    {
        if (unixSecond <= _currentSecond)
        {
            return;
        }

        var clearFrom = Math.Max(_currentSecond + 1, unixSecond - Slots + 1);
        for (var s = clearFrom; s <= unixSecond; s++)
        {
            _perSecond[Modulo(s)] = 0;
        }

        _currentSecond = unixSecond;
    }

    private static int Modulo(long second) => (int)(((second % Slots) + Slots) % Slots);
}
