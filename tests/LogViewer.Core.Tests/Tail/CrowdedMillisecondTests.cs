using LogViewer.Core.Model;
using LogViewer.Core.Tail;

namespace LogViewer.Core.Tests.Tail;

public sealed class CrowdedMillisecondTests
{
    private const int PageSize = 4;

    private static LogEntry At(long nanos, string message = "m") => new(nanos, message, null, null, LogLevel.None);

    [Fact]
    public void Overlapping_Pages_Cover_The_Millisecond()
    {
        // Given 6 lines: oldest page 0..3, newest page 2..5 (newest first)
        var all = Enumerable.Range(0, 6).Select(i => At(i * 10)).ToList();

        var (merged, gap) = CrowdedMillisecond.Merge(all.Take(4).ToList(), all.Skip(2).Reverse().ToList(), PageSize);

        Assert.Equal(all, merged);
        Assert.Null(gap);
    }

    [Fact]
    public void Newest_Page_Not_Full_Holds_The_Whole_Millisecond()
    {
        var all = Enumerable.Range(0, 4).Select(i => At(i * 10)).ToList();

        var (merged, gap) = CrowdedMillisecond.Merge(all, all.AsEnumerable().Reverse().Take(3).ToList(), PageSize);

        Assert.Equal(all, merged);
        Assert.Null(gap);
    }

    [Fact]
    public void Repeats_Seen_By_Both_Pages_Count_Once_Per_Copy()
    {
        // Given a line twice among 6 lines: both copies in the oldest page, one in the newest
        var repeat = At(20, "r");
        List<LogEntry> oldest = [At(0), repeat, repeat, At(30)];
        List<LogEntry> newest = [At(50), At(40), At(30), repeat];

        var (merged, gap) = CrowdedMillisecond.Merge(oldest, newest, PageSize);

        Assert.Equal([At(0), repeat, repeat, At(30), At(40), At(50)], merged);
        Assert.Null(gap);
    }

    [Fact]
    public void Pages_Meeting_Inside_One_Nanosecond_Cannot_Prove_Coverage()
    {
        // Given the oldest page ending and the newest page starting in the same nanosecond: lines in between
        // sharing that nanosecond cannot be ruled out
        List<LogEntry> oldest = [At(0), At(10), At(20, "a"), At(20, "b")];
        List<LogEntry> newest = [At(40), At(30), At(20, "y"), At(20, "z")];

        var (_, gap) = CrowdedMillisecond.Merge(oldest, newest, PageSize);

        Assert.Equal(new MissingEstimate(20, 20, null), gap);
    }

    [Fact]
    public void Pages_That_Do_Not_Meet_Leave_An_Estimated_Gap()
    {
        // Given 12 lines 10 ns apart: the pages hold 0..3 and 8..11, so 4 lines (40..70) are out of reach
        var all = Enumerable.Range(0, 12).Select(i => At(i * 10)).ToList();

        var (merged, gap) = CrowdedMillisecond.Merge(all.Take(4).ToList(), all.Skip(8).Reverse().ToList(), PageSize);

        Assert.Equal(all.Take(4).Concat(all.Skip(8)), merged);
        Assert.Equal(new MissingEstimate(30, 80, 4), gap);
    }
}
