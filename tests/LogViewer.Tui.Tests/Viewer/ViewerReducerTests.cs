using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;
using LogViewer.Tui.Data;
using LogViewer.Tui.State;
using LogViewer.Tui.Viewer;

namespace LogViewer.Tui.Tests.Viewer;

/// <summary>The reducer alone: no terminal, a real store and filtered view for the rows.</summary>
public sealed class ViewerReducerTests : IDisposable
{
    private readonly LogStore _store = new(10_000);
    private readonly FilteredView _view;

    public ViewerReducerTests() => _view = new FilteredView(_store);

    public void Dispose() => _view.Dispose();

    private ViewerState Loaded(int count, int pageHeight = 10)
    {
        _store.Add(Entries.Numbered(1000, count));
        return Apply(new ViewerState { PageHeight = pageHeight }, Changed());
    }

    private DataChanged Changed() => new(new SnapshotRows(_view.Current), LogFigures.Empty with { TotalIngested = _store.Current.Count });

    private static ViewerState Apply(ViewerState state, params ViewerAction[] actions) =>
        actions.Aggregate(state, (current, action) => ViewerReducer.Update(current, action).State);

    /// <summary>The effects one message asks for.</summary>
    private static ViewerEffect[] EffectsOf(ViewerState state, ViewerAction action) =>
        [.. ViewerReducer.Update(state, action).Effects];

    private static string? Selected(ViewerState state) => state.Rows.At(state.SelectedRow)?.Message;

    [Fact]
    public void Following_Keeps_The_Last_Row_Selected_And_In_View()
    {
        var state = Loaded(100);

        Assert.True(state.Following);
        Assert.Equal(99, state.SelectedRow);
        Assert.Equal(90, state.TopRow);
    }

    [Fact]
    public void Moving_Up_Pauses_And_Counts_Arrivals_Until_Following_Resumes()
    {
        var state = Apply(Loaded(100), new MoveBy(-1));
        Assert.False(state.Following);

        _store.Add(Entries.Numbered(5000, 7));
        state = Apply(state, Changed() with { Figures = LogFigures.Empty with { TotalIngested = 107 } });

        Assert.Equal(7, state.NewWhilePaused);
        Assert.Equal("line 1098", Selected(state));

        state = Apply(state, new GoToBottom());
        Assert.True(state.Following);
        Assert.Equal(0, state.NewWhilePaused);
        Assert.Equal("line 5006", Selected(state));
    }

    [Fact]
    public void Moving_Down_Onto_The_Last_Row_Resumes_Following()
    {
        var state = Apply(Loaded(100), new MoveBy(-2), new MoveBy(1));
        Assert.False(state.Following);

        state = Apply(state, new MoveBy(1));

        Assert.True(state.Following);
    }

    [Fact]
    public void Late_Entries_Above_The_Top_Keep_The_Same_Entries_In_View()
    {
        // Given a paused view with entry "line 1040" at the top
        var state = Apply(Loaded(100), new GoToTop(), new MoveByPages(4), new MoveByPages(1));
        var top = state.Rows.At(state.TopRow)!.Value.Message;
        var selected = Selected(state);

        // When 50 older entries arrive late
        _store.Add(Entries.Numbered(0, 50));
        state = Apply(state, Changed());

        // Then the same entries are at the top and selected, 50 rows further down
        Assert.Equal(top, state.Rows.At(state.TopRow)!.Value.Message);
        Assert.Equal(selected, Selected(state));
    }

    [Fact]
    public void Page_Keys_Move_By_A_Page_Less_One_And_Half_Pages()
    {
        var state = Apply(Loaded(100), new GoToTop());

        Assert.Equal(9, Apply(state, new MoveByPages(1)).SelectedRow);
        Assert.Equal(5, Apply(state, new MoveByPages(0.5)).SelectedRow);
        Assert.Equal(0, Apply(state, new MoveByPages(-1)).SelectedRow);
    }

    [Fact]
    public void Selection_Stays_Inside_The_Viewport()
    {
        var state = Apply(Loaded(100), new GoToTop(), new MoveBy(25));

        Assert.Equal(25, state.SelectedRow);
        Assert.Equal(16, state.TopRow);
    }

    [Fact]
    public void Level_Jumps_Find_The_Next_And_Previous_Error_Or_Say_There_Is_None()
    {
        _store.Add([Entries.At(1, "a"), Entries.At(2, "boom", LogLevel.Error), Entries.At(3, "b"), Entries.At(4, "careful", LogLevel.Warning), Entries.At(5, "c")]);
        var state = Apply(new ViewerState(), Changed(), new GoToTop());

        state = Apply(state, new JumpToLevel(LogLevel.Error, 1));
        Assert.Equal("boom", Selected(state));
        state = Apply(state, new JumpToLevel(LogLevel.Warning, 1));
        Assert.Equal("careful", Selected(state));
        state = Apply(state, new JumpToLevel(LogLevel.Error, 1));
        Assert.Equal("careful", Selected(state));
        Assert.Equal("no later error", state.Notice);
        state = Apply(state, new JumpToLevel(LogLevel.Error, -1));
        Assert.Equal("boom", Selected(state));
    }

    [Fact]
    public void Match_Jumps_Use_The_Quick_Filter_And_Need_One()
    {
        _store.Add([Entries.At(1, "x"), Entries.At(2, "Needle one"), Entries.At(3, "y"), Entries.At(4, "needle two")]);
        var state = Apply(new ViewerState(), Changed(), new GoToTop());

        Assert.Equal("no filter: press / to type one", Apply(state, new JumpToMatch(1)).Notice);

        state = Apply(state, new FilterTextChanged("needle"), new JumpToMatch(1));
        Assert.Equal("Needle one", Selected(state));
        state = Apply(state, new JumpToMatch(1));
        Assert.Equal("needle two", Selected(state));
        state = Apply(state, new JumpToMatch(-1));
        Assert.Equal("Needle one", Selected(state));
    }

    [Fact]
    public void Filter_Text_Parses_Plain_Text_And_Regex_And_Reports_Invalid_Patterns()
    {
        var state = Apply(new ViewerState(), new OpenFilter(), new FilterTextChanged("/err(or"));

        Assert.True(state.EditingFilter);
        Assert.StartsWith("invalid regular expression", state.FilterError, StringComparison.Ordinal);
        Assert.True(state.Matcher.MatchesEverything);

        state = Apply(state, new FilterTextChanged("/err(or)?/"), new CommitFilter());
        Assert.Null(state.FilterError);
        Assert.False(state.EditingFilter);
        Assert.IsType<RegexFilter>(state.Matcher.Filter);

        // Enter kept the regex as an in-rule; clearing the quick filter leaves the rule applied.
        state = Apply(state, new ClearFilter());
        Assert.Equal(string.Empty, state.FilterText);
        Assert.Equal("in /err(or)?/", Assert.Single(state.Rules.Rules).Describe());
        Assert.IsType<RegexFilter>(Assert.IsType<AllOfFilter>(ViewFilter.From(state)).Terms.Single());
    }

    [Fact]
    public void Minimum_Level_Cycles_Through_All_Levels_And_Back()
    {
        var levels = new List<LogLevel>();
        var state = new ViewerState();
        for (var i = 0; i < 5; i++)
        {
            state = Apply(state, new CycleMinimumLevel());
            levels.Add(state.MinimumLevel);
        }

        Assert.Equal([LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error, LogLevel.None], levels);
    }

    [Fact]
    public void Replica_Keys_Hide_Isolate_And_Show_All()
    {
        var state = new ViewerState { Replicas = ["r-a", "r-b"] };

        state = Apply(state, new MoveSidebarCursor(2), new ToggleReplica());
        Assert.False(state.IsReplicaVisible("r-b"));
        Assert.True(state.IsReplicaVisible("r-a"));

        state = Apply(state, new MoveSidebarCursor(-1), new IsolateReplica());
        Assert.Equal("r-a", state.IsolatedReplica);
        Assert.False(state.IsReplicaVisible("r-b"));

        state = Apply(state, new MoveSidebarCursor(-5), new ToggleReplica());
        Assert.Equal(0, state.SidebarCursor);
        Assert.Null(state.IsolatedReplica);
        Assert.Empty(state.HiddenReplicas);
    }

    [Fact]
    public void View_Filter_Combines_Level_Replicas_And_Text_Only_When_Narrowing()
    {
        var state = Apply(new ViewerState { Replicas = ["r-a"] }, new CycleMinimumLevel(), new MoveSidebarCursor(1), new ToggleReplica(), new FilterTextChanged("disk"));

        var filter = Assert.IsType<AllOfFilter>(ViewFilter.From(state));
        Assert.Equal(3, filter.Terms.Count);

        state = Apply(state, new ToggleFilterMode());
        Assert.Equal(2, Assert.IsType<AllOfFilter>(ViewFilter.From(state)).Terms.Count);
    }

    [Fact]
    public void Help_Takes_Movement_Keys_While_Open_And_Esc_Closes_It()
    {
        var state = Apply(Loaded(100), new ToggleHelp(), new MoveBy(3));

        Assert.Equal(3, state.HelpScroll);
        Assert.True(state.Following);

        state = Apply(state, new Escape());
        Assert.False(state.HelpVisible);
    }

    [Fact]
    public void Horizontal_Scroll_Never_Goes_Left_Of_Zero_And_Wrap_Resets_It()
    {
        var state = Apply(new ViewerState(), new ScrollHorizontally(8), new ScrollHorizontally(8), new ScrollHorizontally(-24));
        Assert.Equal(0, state.HorizontalOffset);

        state = Apply(state, new ScrollHorizontally(16), new ToggleWrap());
        Assert.True(state.Wrap);
        Assert.Equal(0, state.HorizontalOffset);
    }

    [Fact]
    public void Time_Format_Cycles_Through_Four_Formats()
    {
        var state = Apply(new ViewerState(), new CycleTimeFormat(), new CycleTimeFormat(), new CycleTimeFormat());
        Assert.Equal(TimeFormat.EpochNanos, state.TimeFormat);
        Assert.Equal(TimeFormat.LocalTime, Apply(state, new CycleTimeFormat()).TimeFormat);
    }

    [Fact]
    public void Empty_Rows_Are_Safe_For_Every_Movement()
    {
        var state = Apply(new ViewerState(), new MoveBy(-1), new MoveByPages(1), new GoToTop(), new GoToBottom(),
            new JumpToLevel(LogLevel.Error, 1), new Resized(1));

        Assert.Equal(0, state.SelectedRow);
        Assert.Equal(0, state.TopRow);
    }

    [Fact]
    public void Typing_A_Filter_Asks_For_A_Refilter_With_The_Store_Filter_Of_The_New_State()
    {
        // Given a view with a level already chosen
        var state = Apply(new ViewerState(), new CycleMinimumLevel(), new OpenFilter());

        // When a character is typed
        var update = ViewerReducer.Update(state, new FilterTextChanged("disk"));

        // Then the one effect is a re-filter by level and text, as the new state implies
        var refilter = Assert.IsType<Refilter>(Assert.Single(update.Effects));
        Assert.Equal(ViewFilter.From(update.State), refilter.Filter);
        Assert.Equal(2, Assert.IsType<AllOfFilter>(refilter.Filter).Terms.Count);
    }

    [Fact]
    public void Changes_That_Leave_The_Store_Filter_Alone_Ask_For_No_Refilter()
    {
        var narrowing = Apply(new ViewerState(), new FilterTextChanged("disk"));
        var highlighting = Apply(narrowing, new ToggleFilterMode());

        Assert.Empty(EffectsOf(narrowing, new FilterTextChanged("disk")));
        Assert.Empty(EffectsOf(highlighting, new FilterTextChanged("disks")));
        Assert.Empty(EffectsOf(narrowing, new MoveBy(1)));
        Assert.IsType<LogViewer.Tui.Rules.CountRules>(Assert.Single(EffectsOf(narrowing, new CommitFilter())));
        Assert.Empty(EffectsOf(new ViewerState(), new Escape()));
    }

    [Fact]
    public void Level_Replica_Mode_And_Clearing_Each_Ask_For_A_Refilter()
    {
        var state = Apply(new ViewerState { Replicas = ["r-a", "r-b"] }, new FilterTextChanged("disk"), new MoveSidebarCursor(1));

        Assert.Equal(new MinLevelFilter(LogLevel.Debug).And(new TextFilter("disk", IgnoreCase: true)), Assert.IsType<Refilter>(Assert.Single(EffectsOf(state, new CycleMinimumLevel()))).Filter);
        Assert.IsType<Refilter>(Assert.Single(EffectsOf(state, new ToggleReplica())));
        Assert.IsType<Refilter>(Assert.Single(EffectsOf(state, new IsolateReplica())));
        Assert.Equal(LogFilter.All, Assert.IsType<Refilter>(Assert.Single(EffectsOf(state, new ToggleFilterMode()))).Filter);
        Assert.Equal(LogFilter.All, Assert.IsType<Refilter>(Assert.Single(EffectsOf(state, new ClearFilter()))).Filter);
        Assert.Equal(LogFilter.All, Assert.IsType<Refilter>(Assert.Single(EffectsOf(state, new Escape()))).Filter);
    }

    [Fact]
    public void Quit_Is_An_Effect_And_Leaves_The_State_Alone()
    {
        var state = Loaded(10);

        var update = ViewerReducer.Update(state, new RequestQuit());

        Assert.IsType<Quit>(Assert.Single(update.Effects));
        Assert.Equal(state.SelectedRow, update.State.SelectedRow);
    }

    [Fact]
    public void View_Changes_And_Clock_Ticks_Ask_To_Read_The_View_And_Its_Answer_Asks_Nothing()
    {
        var state = Loaded(10);
        var later = state.Now.AddSeconds(5);

        Assert.IsType<ReadView>(Assert.Single(EffectsOf(state, new ViewChanged())));
        var ticked = ViewerReducer.Update(state, new ClockTick(later));
        Assert.IsType<ReadView>(Assert.Single(ticked.Effects));
        Assert.Equal(later, ticked.State.Now);
        Assert.Empty(EffectsOf(state, Changed() with { Now = later }));
        Assert.Equal(later, Apply(state, Changed() with { Now = later }).Now);
    }

    [Fact]
    public void A_Notice_Stays_When_Lines_Arrive_And_Goes_With_The_Next_Key()
    {
        var state = Apply(Loaded(10), new JumpToLevel(LogLevel.Error, 1));
        Assert.Equal("no later error", state.Notice);

        _store.Add(Entries.Numbered(5000, 3));
        state = Apply(state, Changed());
        Assert.Equal("no later error", state.Notice);

        Assert.Null(Apply(state, new MoveBy(-1)).Notice);
    }
}
