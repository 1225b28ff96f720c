using System.Collections.Immutable;
using LogViewer.Core.Metrics;
using LogViewer.Tui.Charts;
using LogViewer.Tui.Prompt;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.State;
using LogViewer.Tui.Viewer;

namespace LogViewer.Tui.Tests.Charts;

/// <summary><c>:chart</c>'s parse and the chart's reducer cases, without a screen.</summary>
public sealed class ChartCommandTests
{
    private static readonly PromptContext Context = new(TimeZoneInfo.Utc);

    private static MetricChart Chart(string key, long version = 1) => new(key, true, 1, [new MetricSeriesSnapshot("r-1", [MetricPoint.Of(1, 1, 2.0)], 2, 2, 2, 1)], version);

    [Fact]
    public void Chart_With_A_Key_Opens_It_Alone_Lists_And_Off_Closes()
    {
        Assert.Equal(new OpenChart("loss"), CommandRegistry.Parse("chart loss", Context).Action);
        Assert.Equal(new OpenChart("it/s"), CommandRegistry.Parse("chart  it/s ", Context).Action);
        Assert.IsType<ListChartKeys>(CommandRegistry.Parse("chart", Context).Action);
        Assert.IsType<CloseChart>(CommandRegistry.Parse("chart off", Context).Action);
        Assert.IsType<CloseChart>(CommandRegistry.Parse("chart OFF", Context).Action);
    }

    [Fact]
    public void Chart_With_Two_Words_Is_Refused_In_Place()
    {
        var parsed = CommandRegistry.Parse("chart loss lr", Context);

        Assert.Null(parsed.Action);
        Assert.Equal("chart takes one key, e.g. chart loss (keys have no spaces; :chart lists them)", parsed.Error);
    }

    [Fact]
    public void The_Prompt_Refuses_A_Bad_Chart_Command_And_Keeps_The_Text()
    {
        var state = new ViewerState();
        foreach (var action in new ViewerAction[] { new OpenPrompt(), new PromptTextChanged("chart loss lr"), new SubmitPrompt("chart loss lr") })
        {
            state = ViewerReducer.Update(state, action).State;
        }

        Assert.True(state.Prompt.Open);
        Assert.False(state.Chart.Open);
        Assert.Contains("chart takes one key", state.Prompt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_Offers_The_Keys_The_Program_Found()
    {
        var context = Context with { MetricKeys = ["grad_norm", "loss", "lr"] };

        Assert.Equal(["grad_norm", "loss", "lr"], new ChartCommand().Candidates(context));
    }

    [Fact]
    public void Opening_Asks_For_The_Key_And_Every_Data_Arrival_Asks_Again_While_Open()
    {
        var opened = ViewerReducer.Update(new ViewerState(), new OpenChart("loss"));
        Assert.Equal<ViewerEffect>([new ReadMetrics("loss")], opened.Effects);

        var refreshed = ViewerReducer.Update(opened.State, new DataChanged(EmptyRows.Instance, LogFigures.Empty));
        Assert.Contains(new ReadMetrics("loss"), refreshed.Effects);

        var closed = ViewerReducer.Update(opened.State, new CloseChart()).State;
        Assert.DoesNotContain(ViewerReducer.Update(closed, new DataChanged(EmptyRows.Instance, LogFigures.Empty)).Effects, e => e is ReadMetrics);
    }

    [Fact]
    public void An_Answer_For_Another_Key_Or_A_Closed_Chart_Changes_Nothing_And_The_Same_Data_Keeps_The_State()
    {
        var state = ViewerReducer.Update(new ViewerState(), new OpenChart("loss")).State;
        Assert.Same(state, ViewerReducer.Update(state, new MetricsRead("lr", Chart("lr"), [])).State);

        var data = Chart("loss");
        var read = ViewerReducer.Update(state, new MetricsRead("loss", data, [])).State;
        Assert.Same(data, read.Chart.Data);
        Assert.Same(read, ViewerReducer.Update(read, new MetricsRead("loss", data, [])).State);

        var closed = ViewerReducer.Update(read, new CloseChart()).State;
        Assert.Same(closed, ViewerReducer.Update(closed, new MetricsRead("loss", data, [])).State);
    }

    [Fact]
    public void Keys_Other_Than_The_Chart_Own_Do_Not_Move_The_Log_Behind_It()
    {
        var state = ViewerReducer.Update(new ViewerState(), new OpenChart("loss")).State;

        var moved = ViewerReducer.Update(state, new MoveBy(1)).State;

        Assert.Equal(state.SelectedRow, moved.SelectedRow);
        Assert.Equal(state.Following, moved.Following);
        Assert.True(ViewerReducer.Update(state, new OpenPrompt()).State.Prompt.Open);
    }

    [Fact]
    public void A_Key_No_Line_Carries_Closes_The_Chart_With_The_Keys_That_Exist()
    {
        var state = ViewerReducer.Update(new ViewerState(), new OpenChart("acc")).State;

        var answered = ViewerReducer.Update(state, new MetricsRead("acc", null, [new MetricKeyCount("loss", 3), new MetricKeyCount("lr", 5)])).State;

        Assert.False(answered.Chart.Open);
        Assert.True(answered.NoticeIsError);
        Assert.Equal("no line carries 'acc'; keys found: lr, loss", answered.Notice);
    }

    [Fact]
    public void Hash_Cycles_Through_The_Keys_Of_The_Entry_It_Charted()
    {
        var state = new ViewerState { Chart = new ChartState { Open = true, Key = "lr", EntryKeys = ImmutableArray.Create("step", "loss", "lr") } };

        var next = ViewerReducer.Update(state, new ChartEntryNumber());

        Assert.Equal("step", next.State.Chart.Key);
        Assert.Equal<ViewerEffect>([new ReadMetrics("step")], next.Effects);
        Assert.Equal("charting step (1 of 3: # charts loss)", next.State.Notice);
    }

    [Fact]
    public void A_Key_No_Line_Carries_Asked_Over_An_Open_Chart_Leaves_That_Chart_Open()
    {
        var loss = Chart("loss");
        var state = ViewerReducer.Update(new ViewerState(), new OpenChart("loss")).State;
        state = ViewerReducer.Update(state, new MetricsRead("loss", loss, [])).State;

        state = ViewerReducer.Update(state, new OpenChart("acc")).State;
        state = ViewerReducer.Update(state, new MetricsRead("acc", null, [new MetricKeyCount("loss", 1)])).State;

        Assert.True(state.Chart.Open);
        Assert.Equal("loss", state.Chart.Key);
        Assert.Same(loss, state.Chart.Data);
        Assert.Equal("no line carries 'acc'; keys found: loss", state.Notice);
    }

    [Fact]
    public void Esc_Over_The_Chart_Closes_The_Help_First_Then_The_Chart()
    {
        var state = ViewerReducer.Update(new ViewerState(), new OpenChart("loss")).State;
        state = ViewerReducer.Update(state, new ToggleHelp()).State;
        Assert.True(state.HelpVisible);

        state = ViewerReducer.Update(state, new Escape()).State;
        Assert.False(state.HelpVisible);
        Assert.True(state.Chart.Open);

        state = ViewerReducer.Update(state, new Escape()).State;
        Assert.False(state.Chart.Open);
    }
}
