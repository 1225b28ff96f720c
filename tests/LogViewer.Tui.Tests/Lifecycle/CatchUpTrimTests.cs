using LogViewer.Tui.App;

namespace LogViewer.Tui.Tests.Lifecycle;

/// <summary>One full collection once a large backlog has been read and the tail is live, never while reading or for a steady tail.</summary>
public sealed class CatchUpTrimTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Memory_Is_Given_Back_Once_When_The_Tail_Is_Live_After_A_Large_Backlog()
    {
        // Given a trim that counts its collections
        var clock = new ManualTimeProvider(Start);
        var collections = 0;
        var trim = new CatchUpTrim(clock, () => collections++);

        // When a backlog past the threshold is read in full pages, ten a second, with live polls in between
        for (var read = 0; read < CatchUpTrim.Threshold + 5000; read += 1000)
        {
            trim.OnBatch(1000);
            clock.Now += TimeSpan.FromMilliseconds(100);
            trim.OnBatch(40);
        }

        // Then nothing is collected while pages still come
        Assert.Equal(0, collections);

        // And the first live batch once pages have stopped for the quiet spell collects, once
        clock.Now += CatchUpTrim.QuietFor - TimeSpan.FromMilliseconds(100) - TimeSpan.FromMilliseconds(1);
        trim.OnBatch(40);
        Assert.Equal(0, collections);
        clock.Now += TimeSpan.FromMilliseconds(1);
        trim.OnBatch(CatchUpTrim.LiveBatch);
        Assert.Equal(1, collections);
        for (var i = 0; i < 100; i++)
        {
            clock.Now += TimeSpan.FromSeconds(2);
            trim.OnBatch(40);
        }

        Assert.Equal(1, collections);
        Assert.Equal(1, trim.Trims);
    }

    [Fact]
    public void A_Backlog_Below_The_Threshold_Is_Not_Worth_A_Collection()
    {
        var clock = new ManualTimeProvider(Start);
        var collections = 0;
        var trim = new CatchUpTrim(clock, () => collections++);

        for (var read = 0; read + 1000 < CatchUpTrim.Threshold; read += 1000)
        {
            trim.OnBatch(1000);
        }

        clock.Now += CatchUpTrim.QuietFor;
        trim.OnBatch(40);

        Assert.Equal(0, collections);
    }

    [Fact]
    public void A_Steady_Live_Tail_Never_Collects()
    {
        var clock = new ManualTimeProvider(Start);
        var collections = 0;
        var trim = new CatchUpTrim(clock, () => collections++);

        // Live polls of up to the live batch size, every 2 s, for five thresholds' worth of lines
        for (var lines = 0; lines < CatchUpTrim.Threshold * 5; lines += CatchUpTrim.LiveBatch)
        {
            clock.Now += TimeSpan.FromSeconds(2);
            trim.OnBatch(CatchUpTrim.LiveBatch);
        }

        Assert.Equal(0, collections);
    }
}
