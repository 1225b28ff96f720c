namespace LogViewer.Tui.App;

/// <summary>
/// How often the terminal library's loop runs. It sleeps between iterations whether or not anything happened, so a
/// quiet tail paid 25 wake-ups a second for nothing. After <see cref="IdleAfter"/> without a key or mouse event it runs
/// at <see cref="Idle"/> per second, and back at <see cref="Active"/> at the first input: that first key waits up to
/// 1/<see cref="Idle"/> s, the keys after it no longer than before. Data arriving does not count as input: a batch
/// drawn up to 100 ms later is not noticed, and it keeps a busy tail from holding the fast rate.
/// </summary>
internal sealed class FrameRate(TimeProvider time, Action<ushort> apply)
{
    public const ushort Active = 25;
    public const ushort Idle = 10;
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(2);

    private DateTimeOffset _lastInput = time.GetUtcNow();
    private ushort _current;

    /// <summary>A key or mouse event came: run at the active rate from the next iteration on.</summary>
    public void OnInput()
    {
        _lastInput = time.GetUtcNow();
        Set(Active);
    }

    /// <summary>Called at the start of each iteration: slows the loop once input has been quiet long enough.</summary>
    public void OnIteration() => Set(time.GetUtcNow() - _lastInput >= IdleAfter ? Idle : Active);

    private void Set(ushort rate)
    {
        if (rate != _current)
        {
            _current = rate;
            apply(rate);
        }
    }
}
