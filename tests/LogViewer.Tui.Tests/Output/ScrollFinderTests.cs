using LogViewer.Tui.Output;

namespace LogViewer.Tui.Tests.Output;

/// <summary>The scroll chosen between what the terminal shows and the next frame, on cell keys.</summary>
public sealed class ScrollFinderTests
{
    private const int Columns = 40;
    private const int Rows = 12;

    [Fact]
    public void Rows_That_Moved_Up_Inside_A_Block_Are_Found_With_The_Block()
    {
        // Rows 1..9 gained 3 lines; row 0 (a header) and rows 10..11 (the status) stayed.
        var shown = Screen(row => 100 + row);
        var frame = Screen(row => row is >= 1 and <= 9 ? 100 + row + 3 : 100 + row);
        for (var row = 7; row <= 9; row++)
        {
            frame.AsSpan(row * Columns, Columns).Fill(5000 + row);
        }

        Assert.Equal(new TerminalScroll(1, 9, 3), ScrollFinder.Find(frame, shown, Rows, Columns));
    }

    [Fact]
    public void Rows_That_Moved_Down_Are_Found()
    {
        var shown = Screen(row => 100 + row);
        var frame = Screen(row => row < 2 ? 7000 + row : 100 + row - 2);

        Assert.Equal(new TerminalScroll(0, Rows - 1, -2), ScrollFinder.Find(frame, shown, Rows, Columns));
    }

    [Fact]
    public void Columns_Beside_The_Moving_Rows_Do_Not_Stop_The_Scroll()
    {
        // A sidebar of 8 columns that does not move, a pane beside it that gained 2 lines.
        var shown = Screen(row => 100 + row);
        var frame = Screen(row => 100 + row + 2);
        for (var row = 0; row < Rows; row++)
        {
            frame.AsSpan(row * Columns, 8).Fill(1);
            shown.AsSpan(row * Columns, 8).Fill(1);
        }

        Assert.Equal(2, ScrollFinder.Find(frame, shown, Rows, Columns)?.Lines);
    }

    [Fact]
    public void A_Few_Changed_Cells_Are_Not_Worth_A_Scroll()
    {
        var shown = Screen(row => 100 + row);
        var frame = (int[])shown.Clone();
        frame[3] = 9;
        frame[Columns * 5] = 9;

        Assert.Null(ScrollFinder.Find(frame, shown, Rows, Columns));
    }

    [Fact]
    public void Rows_Not_Known_Match_Nothing()
    {
        var shown = new int[Rows * Columns];
        var frame = new int[Rows * Columns];

        // Keys of 0 (not known) on both sides: moving them saves nothing.
        Assert.Null(ScrollFinder.Find(frame, shown, Rows, Columns));
    }

    // Every cell of a row has the same key, different per row (what matters to the finder is row equality).
    private static int[] Screen(Func<int, int> keyOfRow)
    {
        var keys = new int[Rows * Columns];
        for (var row = 0; row < Rows; row++)
        {
            keys.AsSpan(row * Columns, Columns).Fill(keyOfRow(row));
        }

        return keys;
    }
}
