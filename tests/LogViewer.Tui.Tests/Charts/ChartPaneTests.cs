using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Tui.Drawing;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace LogViewer.Tui.Tests.Charts;

/// <summary>The chart pane on screen: <c>:chart loss</c> over training lines of two replicas, at 80x24 and 200x50, with and without colour.</summary>
public sealed class ChartPaneTests(ITestOutputHelper output)
{
    internal static double LossAt(int step) => (3.2 * Math.Exp(-step / 40.0)) + 0.4;

    internal static LogEntry[] Training(int from, int count)
    {
        var lines = new List<LogEntry>();
        for (var step = from; step < from + count; step++)
        {
            var replica = step % 2 == 0 ? "r-even" : "r-odd";
            lines.Add(Entries.At(step, string.Create(CultureInfo.InvariantCulture, $"step={step} epoch=1 loss={LossAt(step):F4} lr=2.00E-05 grad_norm=0.5"), replica: replica));
        }

        return [.. lines];
    }

    /// <summary>Rows with a y label: the axis tick, not a border title's corner (which has its ├ after it).</summary>
    private static List<int> YLabelRows(string[] rows) =>
        [.. Enumerable.Range(0, rows.Length).Where(i => rows[i].Contains('┤', StringComparison.Ordinal) && !rows[i].Contains('├', StringComparison.Ordinal))];

    private static bool IsBraille(char c) => c >= '\u2801' && c <= '\u28FF';

    [Fact]
    public void Chart_Loss_At_80x24_Draws_Braille_The_Y_Range_The_Steps_And_A_Legend_Per_Replica()
    {
        // Given 200 steps of two replicas
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 200));

        // When :chart loss
        viewer.Command("chart loss");
        output.WriteLine(viewer.Screen);

        // Then the pane charts it by step: braille, the y range (max on top, min at the bottom), the step range, a legend line per replica
        Assert.True(viewer.Program.State.Chart.Open);
        var rows = viewer.Rows;
        Assert.Contains("Chart: loss by step · 2 replicas", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains(viewer.Screen, IsBraille);
        var odd = Assert.Single(rows, r => r.Contains("a r-odd", StringComparison.Ordinal));
        var even = Assert.Single(rows, r => r.Contains("b r-even", StringComparison.Ordinal));
        Assert.Contains($"last {LossAt(199):F4}", odd, StringComparison.Ordinal);
        Assert.Contains($"min {LossAt(199):F4}", odd, StringComparison.Ordinal);
        Assert.Contains("max 3.521 ", odd, StringComparison.Ordinal);
        Assert.Contains($"last {LossAt(200):F4}", even, StringComparison.Ordinal);
        var top = viewer.RowOf("3.521┤");
        var bottom = viewer.RowOf($"{LossAt(200):F4}┤");
        Assert.True(top > 0 && bottom > top + 10, $"y labels at rows {top} and {bottom}");
        Assert.Contains("└───", rows[bottom + 1], StringComparison.Ordinal);
        Assert.Contains("step 1", rows[bottom + 2], StringComparison.Ordinal);
        Assert.EndsWith("200│", rows[bottom + 2].TrimEnd(), StringComparison.Ordinal);

        // And: the curve falls: its dots start high on the left and end low on the right
        var firstColumn = rows[top].IndexOf('┤', StringComparison.Ordinal) + 1;
        Assert.True(IsBraille(rows[top][firstColumn]), rows[top]);
        Assert.Contains(rows[bottom][(firstColumn + 30)..], IsBraille);
    }

    [Fact]
    public void At_200x50_The_Plot_Uses_The_Room_And_The_Middle_Of_Both_Axes_Is_Labelled()
    {
        using var viewer = new ViewerHarness(width: 200, height: 50);
        viewer.Feed(Training(1, 400));

        viewer.Command("chart loss");
        output.WriteLine(viewer.Screen);

        var rows = viewer.Rows;
        var labelled = YLabelRows(rows);
        var (top, bottom) = (labelled[0], labelled[^1]);
        Assert.True(bottom - top >= 40, $"plot rows {top}..{bottom}");
        Assert.Equal(3, labelled.Count);
        Assert.Contains("step 1", rows[bottom + 2], StringComparison.Ordinal);
        Assert.Contains(" 200 ", rows[bottom + 2], StringComparison.Ordinal);
        Assert.EndsWith("400│", rows[bottom + 2].TrimEnd(), StringComparison.Ordinal);
        Assert.True(rows[top..(bottom + 1)].Sum(r => r.Count(IsBraille)) > 150);
    }

    [Fact]
    public void Each_Replica_Is_Drawn_In_Its_Palette_Colour()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 50));

        viewer.Command("chart loss");

        var legend = viewer.RowOf("a r-odd");
        var letter = viewer.Rows[legend].IndexOf("a r-odd", StringComparison.Ordinal);
        Assert.Equal(new Color(ReplicaPalette.ColorOf("r-odd")), viewer.CellAt(legend, letter).Attribute!.Value.Foreground);
        var evenRow = viewer.RowOf("b r-even");
        Assert.Equal(new Color(ReplicaPalette.ColorOf("r-even")), viewer.CellAt(evenRow, letter).Attribute!.Value.Foreground);
    }

    [Fact]
    public void Under_No_Color_Nothing_Is_Coloured_And_Each_Replica_Has_Its_Letter_On_The_Plot()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24, configure: s => s with { MessageColours = false });
        viewer.Feed(Training(1, 50));

        viewer.Command("chart loss");
        output.WriteLine(viewer.Screen);

        var legend = viewer.RowOf("a r-odd");
        var column = viewer.Rows[legend].IndexOf("a r-odd", StringComparison.Ordinal);
        Assert.Equal(viewer.CellAt(legend, column + 3).Attribute!.Value.Foreground, viewer.CellAt(legend, column).Attribute!.Value.Foreground);
        var labelled = YLabelRows(viewer.Rows);
        var plotStart = viewer.Rows[labelled[0]].IndexOf('┤', StringComparison.Ordinal) + 1;
        var plotText = string.Concat(viewer.Rows[labelled[0]..(labelled[^1] + 1)].Select(r => r[plotStart..^1]));
        Assert.Contains("a", plotText, StringComparison.Ordinal);
        Assert.Contains("b", plotText, StringComparison.Ordinal);
        var brailleRow = Array.FindIndex(viewer.Rows, r => r.Any(IsBraille));
        var brailleColumn = viewer.Rows[brailleRow].ToList().FindIndex(IsBraille);
        Assert.Equal(viewer.CellAt(legend, column + 3).Attribute!.Value.Foreground, viewer.CellAt(brailleRow, brailleColumn).Attribute!.Value.Foreground);
    }

    [Fact]
    public void New_Lines_Extend_The_Open_Chart_Without_A_Key()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 100));
        viewer.Command("chart loss");
        Assert.Contains("50 lines", viewer.Rows[viewer.RowOf("a r-odd")], StringComparison.Ordinal);
        Assert.EndsWith("100│", viewer.Rows[viewer.RowOf("step 1")].TrimEnd(), StringComparison.Ordinal);

        viewer.Feed(Training(101, 100));

        Assert.Contains("100 lines", viewer.Rows[viewer.RowOf("a r-odd")], StringComparison.Ordinal);
        Assert.EndsWith("200│", viewer.Rows[viewer.RowOf("step 1")].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(200, viewer.Program.State.Chart.Data!.Lines);
    }

    [Fact]
    public void A_Hidden_Replica_Leaves_The_Chart_And_Comes_Back_When_Shown()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 50));
        viewer.Command("chart loss");

        viewer.Command("hide-replica r-even");
        Assert.True(viewer.Program.State.Chart.Open);
        Assert.Equal(-1, viewer.RowOf("b r-even"));
        Assert.NotEqual(-1, viewer.RowOf("a r-odd"));

        viewer.Command("hide-replica r-odd");
        Assert.NotEqual(-1, viewer.RowOf("every replica with loss is hidden"));

        viewer.Command("show-replica r-even");
        Assert.NotEqual(-1, viewer.RowOf("b r-even"));
    }

    [Fact]
    public void Esc_And_Q_Close_The_Chart_And_The_Log_Is_Where_It_Was()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 20));
        var pane = viewer.PaneRows();
        viewer.Command("chart loss");

        viewer.Press(new Key('j'));
        viewer.Press(Key.Esc);
        Assert.False(viewer.Program.State.Chart.Open);
        Assert.Equal(pane, viewer.PaneRows());

        viewer.Command("chart loss");
        viewer.Press(new Key('q'));
        Assert.False(viewer.Program.State.Chart.Open);
        Assert.Equal(pane, viewer.PaneRows());

        viewer.Command("chart loss");
        viewer.Command("chart off");
        Assert.False(viewer.Program.State.Chart.Open);
    }

    [Fact]
    public void Hash_In_The_Detail_Pane_Charts_The_Entry_First_Number_Then_Its_Next_Ones()
    {
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed(Training(1, 30));
        viewer.Press(Key.Enter);

        viewer.Press(new Key('#'));
        Assert.Equal("step", viewer.Program.State.Chart.Key);
        Assert.Contains("Chart: step by time", viewer.Screen, StringComparison.Ordinal);
        Assert.Contains("# next key", viewer.Screen, StringComparison.Ordinal);

        viewer.Press(new Key('#'));
        viewer.Press(new Key('#'));
        Assert.Equal("loss", viewer.Program.State.Chart.Key);
        Assert.Contains("Chart: loss by step", viewer.Screen, StringComparison.Ordinal);

        // Esc goes back to the detail pane it came from
        viewer.Press(Key.Esc);
        Assert.False(viewer.Program.State.Chart.Open);
        Assert.True(viewer.Program.State.Detail.Open);
    }

    [Fact]
    public void Hash_On_An_Entry_Without_Numbers_Says_So()
    {
        using var viewer = new ViewerHarness(width: 100, height: 30);
        viewer.Feed(Entries.At(1, "Pulling image baseten/training-base"));

        viewer.Press(new Key('#'));

        Assert.False(viewer.Program.State.Chart.Open);
        Assert.NotEqual(-1, viewer.RowOf("this entry has no number to chart"));
    }

    [Fact]
    public void Chart_Alone_Lists_The_Keys_With_Their_Counts_And_An_Unknown_Key_Names_The_Keys()
    {
        using var viewer = new ViewerHarness(width: 200, height: 24);
        viewer.Command("chart");
        Assert.NotEqual(-1, viewer.RowOf("no numbers found in the lines yet"));

        viewer.Feed([.. Training(1, 10), Entries.At(20, "Epoch 1: 45%|####| 450/1000 [00:30<00:37, 12.3it/s]")]);
        viewer.Command("chart");
        Assert.NotEqual(-1, viewer.RowOf("6 metric keys (:chart KEY): epoch (10), grad_norm (10), loss (10), lr (10), step (10), it/s (1)"));

        viewer.Command("chart accuracy");
        Assert.False(viewer.Program.State.Chart.Open);
        Assert.NotEqual(-1, viewer.RowOf("no line carries 'accuracy'; keys found: epoch, grad_norm, loss, lr, step, it/s"));
    }

    [Fact]
    public void A_Key_Typed_In_Another_Case_Charts_The_Key_The_Lines_Carry()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 10));

        viewer.Command("chart LOSS");

        Assert.Equal("loss", viewer.Program.State.Chart.Key);
        Assert.Contains("Chart: loss by step", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_Completes_The_Key_From_The_Keys_Found()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed(Training(1, 10));

        viewer.Press(new Key(':'));
        viewer.Type("chart gr");
        viewer.Press(Key.Tab);

        Assert.Equal("chart grad_norm", viewer.Program.State.Prompt.Text);
        viewer.Press(Key.Enter);
        Assert.Contains("Chart: grad_norm by step", viewer.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Tqdm_Rate_Without_Steps_Is_Charted_By_Time()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed([.. Enumerable.Range(0, 30).Select(i => Entries.At(i * 2, $"Epoch 1: {i}%|#| {i}/100 [00:01<00:09, {10 + i}.5it/s]"))]);

        viewer.Command("chart it/s");
        output.WriteLine(viewer.Screen);

        Assert.Contains("Chart: it/s by time", viewer.Screen, StringComparison.Ordinal);
        Assert.NotEqual(-1, viewer.RowOf("12:00:00"));
        Assert.NotEqual(-1, viewer.RowOf("12:00:58"));
        Assert.NotEqual(-1, viewer.RowOf("39.5┤"));
        Assert.NotEqual(-1, viewer.RowOf("10.5┤"));
    }

    [Fact]
    public void A_Flat_Series_Is_Drawn_Across_The_Middle_With_Its_One_Value()
    {
        using var viewer = new ViewerHarness(width: 80, height: 24);
        viewer.Feed([.. Enumerable.Range(1, 20).Select(i => Entries.At(i, $"step={i} loss=0.0500"))]);

        viewer.Command("chart loss");
        output.WriteLine(viewer.Screen);

        var labelled = YLabelRows(viewer.Rows);
        var row = Assert.Single(labelled);
        Assert.Contains("0.05┤", viewer.Rows[row], StringComparison.Ordinal);
        Assert.Contains(viewer.Rows[row], IsBraille);
        Assert.InRange(row, 5, 16);
    }
}
