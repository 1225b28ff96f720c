using LogViewer.Tui.App;

namespace LogViewer.Tui.Tests.Lifecycle;

public sealed class FrameRateTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_Loop_Slows_Once_Input_Has_Been_Quiet_And_Speeds_Up_At_The_Next_Key()
    {
        // Given a frame rate that records what it applies
        var clock = new ManualTimeProvider(Start);
        var applied = new List<ushort>();
        var rate = new FrameRate(clock, applied.Add);

        // When iterations run with no input for a while
        rate.OnIteration();
        clock.Now += FrameRate.IdleAfter - TimeSpan.FromMilliseconds(1);
        rate.OnIteration();
        clock.Now += TimeSpan.FromMilliseconds(1);
        rate.OnIteration();
        rate.OnIteration();

        // Then it runs at the active rate until the quiet period has passed, then at the idle rate, each set once
        Assert.Equal([FrameRate.Active, FrameRate.Idle], applied);

        // And a key brings the active rate back at once, for the quiet period again
        rate.OnInput();
        rate.OnIteration();
        clock.Now += FrameRate.IdleAfter;
        rate.OnIteration();
        Assert.Equal([FrameRate.Active, FrameRate.Idle, FrameRate.Active, FrameRate.Idle], applied);
        Assert.True(FrameRate.Idle < FrameRate.Active);
    }
}
