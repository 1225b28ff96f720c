namespace LogViewer.Simulator.Tests;

/// <summary>A clock that moves only when the test says so (the testing package is not on this machine's feed).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }
}
