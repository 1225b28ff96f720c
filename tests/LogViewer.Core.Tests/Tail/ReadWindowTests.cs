using LogViewer.Core.Tail;

namespace LogViewer.Core.Tests.Tail;

public sealed class ReadWindowTests
{
    private const long Day = 24 * 3600 * 1000L;

    [Fact]
    public void Range_Of_Seven_Days_Or_Less_Is_One_Window()
    {
        Assert.Equal([new ReadWindow(0, 7 * Day)], ReadWindow.Split(0, 7 * Day));
    }

    [Fact]
    public void Longer_Range_Is_Split_Without_Gap_Or_Overlap()
    {
        var windows = ReadWindow.Split(100, 100 + (15 * Day)).ToList();

        Assert.Equal(
            [new ReadWindow(100, 100 + (7 * Day)), new ReadWindow(101 + (7 * Day), 101 + (14 * Day)), new ReadWindow(102 + (14 * Day), 100 + (15 * Day))],
            windows);
    }

    [Fact]
    public void Only_The_Last_Window_Of_A_Live_Read_Is_Open_Ended()
    {
        var windows = ReadWindow.Split(0, 8 * Day, openEnded: true).ToList();

        Assert.Equal([false, true], windows.Select(w => w.OpenEnded));
    }
}
