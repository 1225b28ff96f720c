using LogViewer.Tui.Alerts;
using LogViewer.Tui.Charts;
using LogViewer.Tui.Detail;
using LogViewer.Tui.Keys;
using LogViewer.Tui.Prompt;
using LogViewer.Tui.Rules;
using LogViewer.Tui.State;
using LogViewer.Tui.Timeline;
using LogViewer.Tui.Trace;
using LogViewer.Tui.Viewer;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LogViewer.Tui.Views;

/// <summary>
/// The screen: replica sidebar on the left, log pane, filter line and status bar at the bottom, the rule panel and
/// the alerts list over the pane, help on top.
/// It renders a <see cref="ViewerState"/> and turns keys into actions; it decides nothing itself.
/// </summary>
internal sealed class ViewerRoot : Runnable
{
    /// <summary>Below this width the sidebar hides itself, whatever the state says.</summary>
    public const int SidebarMinimumScreenWidth = 70;

    public const int SidebarWidth = 22;

    private readonly FrameView _sidebar;
    private readonly ReplicaList _replicas;
    private readonly LogPane _log;
    private readonly FilterLine _filterLine;
    private readonly PromptLine _prompt;
    private readonly StatusLine _status;
    private readonly HelpOverlay _help;
    private readonly RulePanel _rules;
    private readonly DetailPane _detail;
    private readonly TraceView _trace;
    private readonly ChartPane _chart;
    private readonly AlertList _alerts;
    private readonly TimelineStrip _timeline;
    private int _timelineHeight;
    private ViewerState _state = new();
    private bool _sidebarShown = true;

    public ViewerRoot(string title, TimeZoneInfo localZone)
    {
        Title = title;
        _replicas = new ReplicaList { Width = Dim.Fill(), Height = Dim.Fill() };
        _sidebar = new FrameView { Title = "Replicas", X = 0, Y = 0, Width = SidebarWidth, Height = Dim.Fill(2) };
        _sidebar.Add(_replicas);
        _log = new LogPane(localZone) { X = SidebarWidth, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
        _filterLine = new FilterLine { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
        _prompt = new PromptLine { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
        _status = new StatusLine(title) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
        _help = new HelpOverlay { X = Pos.Center(), Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
        _rules = new RulePanel { X = 0, Y = Pos.AnchorEnd(2 + RulePanel.PanelHeight), Width = Dim.Fill(), Height = RulePanel.PanelHeight };
        _rules.Dispatched += action => Dispatched?.Invoke(action);
        _detail = new DetailPane(localZone) { X = SidebarWidth, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
        _trace = new TraceView(localZone) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
        _trace.Measured += visible => Dispatched?.Invoke(new TraceMeasured(visible));
        _alerts = new AlertList(localZone) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
        _chart = new ChartPane { X = SidebarWidth, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
        _timeline = new TimelineStrip { X = SidebarWidth, Y = 0, Width = Dim.Fill(), Height = 0, Visible = false };
        _timeline.Measured += columns => Dispatched?.Invoke(new TimelineMeasured(columns));
        _timeline.BucketClicked += bucket => Dispatched?.Invoke(new PointTimelineCursor(bucket));
        _timeline.BucketDoubleClicked += _ => Dispatched?.Invoke(new JumpToTimelineBucket());
        Add(_timeline);
        Add(_sidebar, _log, _filterLine, _prompt, _status, _detail, _trace, _chart, _rules, _alerts, _help);
        _detail.Measured += (rows, visible) => Dispatched?.Invoke(new DetailMeasured(rows, visible));
        _prompt.Dispatched += action => Dispatched?.Invoke(action);

        _log.PageHeightChanged += height => Dispatched?.Invoke(new Resized(height));
        _log.Wheeled += rows => Dispatched?.Invoke(new MoveBy(rows));
        _log.EntryClicked += SelectEntry;
        _log.EntryDoubleClicked += OpenDetailOn;
        _replicas.RowClicked += ToggleSidebarRow;
        _filterLine.FilterTyped += text => Dispatched?.Invoke(new FilterTextChanged(text));
        _filterLine.Finished += keep => Dispatched?.Invoke(keep ? new CommitFilter() : new ClearFilter());
        _filterLine.QuitPressed += () => Dispatched?.Invoke(new RequestQuit());
        FrameChanged += (_, _) => Render(_state);
    }

    /// <summary>An action from the user (a key, typing, a resize). The controller applies it and calls <see cref="Render"/>.</summary>
    public event Action<ViewerAction>? Dispatched;

    public LogPane Log => _log;

    public void Render(ViewerState state)
    {
        _state = state;
        var showSidebar = state.SidebarVisible && Frame.Width >= SidebarMinimumScreenWidth;
        if (showSidebar != _sidebarShown)
        {
            _sidebarShown = showSidebar;
            _sidebar.Visible = showSidebar;
            _log.X = showSidebar ? SidebarWidth : 0;
            _detail.X = showSidebar ? SidebarWidth : 0;
            _timeline.X = showSidebar ? SidebarWidth : 0;
            _chart.X = showSidebar ? SidebarWidth : 0;
            SetNeedsLayout();
            SetNeedsDraw();
        }

        PlaceTimeline(state);
        _replicas.Render(state);
        _log.Render(state);
        _filterLine.Visible = !state.Prompt.Open;
        _filterLine.Render(state);
        _prompt.Render(state);
        _status.Render(state);
        _detail.Render(state);
        _trace.Render(state);
        _chart.Render(state);
        _rules.Render(state);
        _alerts.Render(state);
        _help.Render(state);
        if (!state.EditingFilter && !state.Prompt.Open && !_rules.IsEditing && !_log.HasFocus)
        {
            _log.SetFocus();
        }
    }

    /// <summary>The strip sits above the log pane while it is open, and the pane gives up its rows.</summary>
    private void PlaceTimeline(ViewerState state)
    {
        var height = TimelineStrip.HeightFor(state.Timeline, Frame.Height);
        if (height != _timelineHeight)
        {
            _timelineHeight = height;
            _timeline.Visible = height > 0;
            _timeline.Height = height;
            _log.Y = height;
            SetNeedsLayout();
            SetNeedsDraw();
        }

        _timeline.Render(state);
    }

    /// <summary>A click selects the entry: the same move the keys make, so following pauses as with k.</summary>
    private void SelectEntry(int index)
    {
        Dispatched?.Invoke(new MoveBy(index - _state.SelectedRow));
    }

    /// <summary>A double click opens the detail pane on the entry, as Enter does on the selected one.</summary>
    private void OpenDetailOn(int index)
    {
        SelectEntry(index);
        if (!_state.Detail.Open)
        {
            Dispatched?.Invoke(new ToggleDetail());
        }
    }

    /// <summary>A click on a replica hides or shows it (on "all": shows every replica), as x does under the cursor.</summary>
    private void ToggleSidebarRow(int row)
    {
        Dispatched?.Invoke(new MoveSidebarCursor(row - _state.SidebarCursor));
        Dispatched?.Invoke(new ToggleReplica());
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_filterLine.IsEditing || _prompt.IsOpen || _rules.IsEditing)
        {
            return base.OnKeyDown(key);
        }

        if (_state.Chart.Open && !_state.HelpVisible && KeyNames.NameOf(key) == "q")
        {
            Dispatched?.Invoke(new CloseChart());
            return true;
        }

        if (_state.Trace.Open && KeyNames.NameOf(key) == "q")
        {
            Dispatched?.Invoke(new CloseTrace());
            return true;
        }

        if (_state.Detail.Open && KeyNames.NameOf(key) == "q")
        {
            // q closes the detail pane, as in less; Ctrl+C still quits.
            Dispatched?.Invoke(new CloseDetail());
            return true;
        }

        if (_state.Alerts.ListOpen && !_state.HelpVisible)
        {
            // The open list takes every key, as the rule panel does.
            if (KeyNames.NameOf(key) is { } listKey && AlertListKeys.Resolve(listKey) is { } listAction)
            {
                Dispatched?.Invoke(listAction);
            }

            return true;
        }

        if (_state.Panel.Open && !_state.HelpVisible)
        {
            // The open panel takes every key; keys it does not know do nothing rather than move the log behind it.
            if (KeyNames.NameOf(key) is { } panelKey && RulePanelKeys.Resolve(panelKey) is { } panelAction)
            {
                Dispatched?.Invoke(panelAction);
            }

            return true;
        }

        if (TimelineReducer.HasKeys(_state) && KeyNames.NameOf(key) is { } stripKey && TimelineKeys.Resolve(stripKey) is { } stripAction)
        {
            // The strip takes its own keys; the others still reach the pane.
            Dispatched?.Invoke(stripAction);
            return true;
        }

        if (KeyNames.NameOf(key) is { } name && KeyTable.Resolve(name) is { } action)
        {
            Dispatched?.Invoke(action);
            return true;
        }

        return base.OnKeyDown(key);
    }
}
