using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Core.Tail;
using LogViewer.Tui.Alerts;
using LogViewer.Tui.Charts;
using LogViewer.Tui.Copy;
using LogViewer.Tui.Detail;
using LogViewer.Tui.Entries;
using LogViewer.Tui.History;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.Marks;
using LogViewer.Tui.Matching;
using LogViewer.Tui.Prompt;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.Rules;
using LogViewer.Tui.State;
using LogViewer.Tui.Timeline;
using LogViewer.Tui.Trace;
using LogViewer.Tui.Watching;
using LogViewer.Tui.Write;

namespace LogViewer.Tui.Viewer;

/// <summary>
/// The one place the viewer's state changes: <c>Update(state, message)</c> returns the next state and the effects
/// it asks for (re-filter, read the view, quit), and touches nothing else. The data it needs (jumps to the next
/// error or match, re-pinning after lines arrive) is the immutable row snapshot inside the state.
/// </summary>
internal static class ViewerReducer
{
    private static readonly LogLevel[] LevelCycle = [LogLevel.None, LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error];

    public static ViewerUpdate Update(ViewerState state, ViewerAction action) =>
        TimelineReducer.Recount(UpdateState(state, action)); // the timeline follows whatever changed what it shows

    private static ViewerUpdate UpdateState(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        var rows = state.Rows;
        var next = KeepsNotice(action) ? state : state with { Notice = null, NoticeIsError = false };
        if (PromptReducer.Update(next, action, Update) is { } prompted)
        {
            return prompted;
        }

        if (ChartReducer.Update(next, action, KeyTable.IsKey) is { } charted)
        {
            return charted;
        }

        if (TraceReducer.Update(next, action, KeyTable.IsKey) is { } traced)
        {
            return traced;
        }

        if (AlertReducer.Update(next, action) is { } alerted)
        {
            return alerted;
        }

        if (DetailReducer.Update(next, action) is { } detailed)
        {
            return detailed;
        }

        if (TimelineReducer.Update(next, action) is { } timeline)
        {
            return timeline;
        }

        if (FoldReducer.Update(next, action) is { } folded)
        {
            return folded;
        }

        if (CopyReducer.Update(next, action) is { } copied)
        {
            return copied;
        }

        if (MarkReducer.Update(next, action, (s, row) => MoveTo(s, s.Rows, row)) is { } marked)
        {
            return marked;
        }

        if (state.HelpVisible && ScrollsHelp(action, state.PageHeight) is { } helpRows)
        {
            return next with { HelpScroll = Math.Max(0, state.HelpScroll + helpRows) };
        }

        if (LifecycleReducer.Update(next, action) is { } lifecycle)
        {
            return lifecycle;
        }

        if (OlderLinesReducer.Update(next, action) is { } older)
        {
            return older;
        }

        return OlderLinesReducer.AfterMove(state, action, Reduce(state, next, rows, action));
    }

    // The keys' and data's own changes; OlderLinesReducer.AfterMove then reads older lines when a move went above the top.
    private static ViewerUpdate Reduce(ViewerState state, ViewerState next, IRowSource rows, ViewerAction action)
    {
        return action switch
        {
            MoveBy { Rows: 1 or -1 } move => MoveByEntry(next, rows, move.Rows),
            MoveBy move => MoveTo(next, rows, state.SelectedRow + move.Rows),
            MoveByPages pages => MoveTo(next, rows, state.SelectedRow + RowsFor(pages, state.PageHeight)),
            GoToTop => MoveTo(next, rows, 0),
            GoToBottom => Follow(next, rows),
            ToggleFollow => state.Following ? Positions.Pause(next) : Follow(next, rows),
            ScrollHorizontally scroll => next with { HorizontalOffset = Math.Max(0, state.HorizontalOffset + scroll.Columns) },
            ResetHorizontalScroll => next with { HorizontalOffset = 0 },
            ToggleWrap => next with { Wrap = !state.Wrap, HorizontalOffset = 0 },
            CycleTimeFormat => next with { TimeFormat = (TimeFormat)(((int)state.TimeFormat + 1) % 4) },
            OpenFilter => next with { EditingFilter = true, HelpVisible = false },
            FilterTextChanged changed => RuleReducer.Refiltered(state, WithFilterText(next, changed.Text)),
            CommitFilter => RuleReducer.Refiltered(state, KeepQuickFilter(next)),
            ClearFilter => RuleReducer.Refiltered(state, WithFilterText(next, string.Empty) with { EditingFilter = false }),
            ToggleFilterMode => RuleReducer.Refiltered(state, next with
            {
                FilterMode = state.FilterMode == FilterMode.Narrow ? FilterMode.HighlightOnly : FilterMode.Narrow,
            }),
            CycleMinimumLevel => RuleReducer.Refiltered(state, next with
            {
                Rules = state.Rules with { MinimumLevel = LevelCycle[(Array.IndexOf(LevelCycle, state.MinimumLevel) + 1) % LevelCycle.Length] },
            }),
            JumpToMatch jump => JumpToMatchingRow(next, rows, jump.Direction),
            GoToTime go => OlderLinesReducer.GoToEarlier(next, go.Target) ?? GoToTimeRow(next, rows, go.Target),
            ShowHelp => next with { HelpVisible = true, HelpScroll = 0 },
            CompletePrompt => new ViewerUpdate(next, [new CompleteInPrompt(state.Prompt.Text)]),
            WriteView write => new ViewerUpdate(
                next with { Notice = $"writing to {write.Path}..." },
                [new WriteEntries(rows, write.Path, write.Overwrite, state.TimeFormat == TimeFormat.UtcIso)]),
            WriteFinished done => done.Error is { } error
                ? next with { Notice = error, NoticeIsError = true }
                : next with { Notice = $"wrote {done.Entries:N0} entries ({done.Lines:N0} lines) to {done.Path}" },
            JumpToLevel jump => JumpToLevelRow(next, rows, jump.Level, jump.Direction),
            MoveSidebarCursor cursor => next with
            {
                SidebarCursor = Math.Clamp(state.SidebarCursor + cursor.Rows, 0, state.Replicas.Length),
            },
            ToggleReplica => RuleReducer.Refiltered(state, ToggleReplicaUnderCursor(next)),
            IsolateReplica => RuleReducer.Refiltered(state, IsolateReplicaUnderCursor(next)),
            ToggleSidebar => next with { SidebarVisible = !state.SidebarVisible },
            ToggleRequestIds => next with
            {
                ShowRequestIds = !state.ShowRequestIds,
                Notice = state.ShowRequestIds ? "request ids hidden (I shows them)" : "request ids shown when the pane is wide enough (I hides them)",
            },
            ToggleHelp => next with { HelpVisible = !state.HelpVisible, HelpScroll = 0 },
            ToggleMouse => new ViewerUpdate(
                next with
                {
                    MouseEnabled = !state.MouseEnabled,
                    Notice = state.MouseEnabled ? "mouse off: the terminal selects text (M turns it on)" : "mouse on: wheel scrolls, click selects (M turns it off)",
                },
                [new SetMouseReporting(!state.MouseEnabled)]),
            Escape => state.HelpVisible ? next with { HelpVisible = false }
                : state.Panel.Open ? next with { Panel = state.Panel with { Open = false, Editing = RuleEditMode.None } }
                : RuleReducer.Refiltered(state, WithFilterText(next, string.Empty)),
            RuleCountsRead counts => RuleReducer.Update(state, counts), // data arriving, like DataChanged: the notice stays
            RuleAction rule => RuleReducer.Update(next, rule),
            RequestQuit => new ViewerUpdate(next, [Quit.Instance]),
            RequestSuspend => new ViewerUpdate(next, [SuspendToShell.Instance]),
            Resized resized => Repin(next with { PageHeight = Math.Max(1, resized.PageHeight) }, rows),
            ViewChanged => new ViewerUpdate(state, [ReadView.Instance]),
            DataChanged data => ChartReducer.Refresh(OnDataChanged(state, data)), // a notice stays until the next key, whatever arrives
            TailStatusChanged status => OnTailStatus(next, status.Status),
            ErrorSurgeSeen surge => WatchReducer.OnSurge(next, surge.Surge),
            ClockTick tick => AlertReducer.OnClock(state with { Now = tick.Now }, tick.Now).With(ReadView.Instance),
            TailWarningReceived warning => next with { LastWarning = warning.Warning.Message },
            _ => next,
        };
    }

    /// <summary>The tail's status and the lifecycle it carries; the title and notifications follow the lifecycle.</summary>
    private static ViewerUpdate OnTailStatus(ViewerState state, TailStatus status)
    {
        var lifecycle = state.Lifecycle.With(status);
        var (watch, effects) = WatchReducer.OnLifecycle(state.Watch, state.Lifecycle, lifecycle, status.At);
        return new ViewerUpdate(state with { TailStatus = status, Lifecycle = lifecycle, Watch = watch }, effects);
    }

    /// <summary>
    /// Enter in the quick filter: in narrow mode its text becomes an in-rule (unless the same rule is there already)
    /// and stays highlighted; in highlight-only mode it only stays highlighted.
    /// </summary>
    private static ViewerState KeepQuickFilter(ViewerState state)
    {
        var closed = state with { EditingFilter = false };
        if (state.FilterMode != FilterMode.Narrow || state.Matcher.Pattern is not { } pattern || state.QuickFilterKept)
        {
            return closed;
        }

        var rule = new FilterRule(RuleKind.In, pattern);
        if (state.Rules.Rules.Contains(rule))
        {
            return closed with { QuickFilterKept = true };
        }

        return closed with
        {
            QuickFilterKept = true,
            Rules = state.Rules.Add(rule),
            Notice = $"kept as rule {state.Rules.Rules.Count + 1}: {rule.Describe()} (Tab shows the rules)",
        };
    }

    /// <summary>
    /// j/k: to the first line of the next or previous entry, so a traceback is one step. From a line inside an
    /// entry (following shows the newest line), k goes to the entry's first line.
    /// </summary>
    private static ViewerState MoveByEntry(ViewerState state, IRowSource rows, int direction)
    {
        if (rows.Count == 0)
        {
            return MoveTo(state, rows, 0);
        }

        var selected = state.Following ? rows.Count - 1 : state.SelectedRow;
        var head = EntryGroups.HeadOf(rows, selected);
        if (direction < 0 && head < selected)
        {
            return MoveTo(state with { SelectedRow = selected }, rows, head);
        }

        var target = EntryGroups.NextHead(rows, selected, direction);
        return target >= 0 ? MoveTo(state with { SelectedRow = selected }, rows, target) : MoveTo(state, rows, state.SelectedRow + direction);
    }

    /// <summary>Arrivals and timers do not clear the note a key left; the next key does.</summary>
    private static bool KeepsNotice(ViewerAction action) =>
        action is DataChanged or ViewChanged or ClockTick or TailStatusChanged or TailWarningReceived or Resized or PromptTextChanged or AlertsMatched
            or TraceLoaded or TraceMeasured or MetricsRead or TimelineCounted or TimelineMeasured;

    /// <summary>The first entry at or after the time, placed at the top of the pane.</summary>
    private static ViewerState GoToTimeRow(ViewerState state, IRowSource rows, GotoTarget target)
    {
        if (rows.Count == 0)
        {
            return state with { Notice = "no entries to go to", NoticeIsError = true };
        }

        var newest = rows.At(rows.Count - 1)!.Value.TimestampNanos;
        var time = target.Resolve(newest);
        var row = rows.RowAtOrAfterTime(time);
        if (row >= rows.Count)
        {
            return state with { Notice = "no entry at or after that time (G goes to the newest)", NoticeIsError = true };
        }

        return Positions.PlaceAtTop(state, rows, row);
    }

    /// <summary>While help is open, movement keys scroll it instead of the log.</summary>
    private static int? ScrollsHelp(ViewerAction action, int pageHeight) => action switch
    {
        MoveBy move => move.Rows,
        MoveByPages pages => RowsFor(pages, pageHeight),
        GoToTop => int.MinValue / 2,
        _ => null,
    };

    /// <summary>A page keeps one line of context (as less does); half a page is half the height.</summary>
    private static int RowsFor(MoveByPages pages, int pageHeight)
    {
        var step = Math.Abs(pages.Pages) >= 1 ? Math.Max(1, pageHeight - 1) : pageHeight;
        return (int)Math.Round(pages.Pages * step, MidpointRounding.AwayFromZero);
    }

    private static ViewerState WithFilterText(ViewerState state, string text)
    {
        if (string.Equals(text, state.FilterText, StringComparison.Ordinal))
        {
            return state;
        }

        return TextMatcher.TryParse(text, out var matcher, out var reason)
            ? state with { FilterText = text, Matcher = matcher, FilterError = null, QuickFilterKept = false }
            : state with { FilterText = text, Matcher = TextMatcher.All, FilterError = reason, QuickFilterKept = false };
    }

    private static ViewerState MoveTo(ViewerState state, IRowSource rows, int row)
    {
        var count = rows.Count;
        if (count == 0)
        {
            return state with { SelectedRow = 0, TopRow = 0, SelectedKey = null, TopKey = null };
        }

        var selected = Math.Clamp(row, 0, count - 1);
        if (selected == count - 1 && row >= state.SelectedRow)
        {
            // Reaching the bottom by moving down resumes following, as in less +F and k9s.
            return Follow(state, rows);
        }

        var paused = state.Following ? Positions.Pause(state) : state;
        var top = state.TopRow;
        if (selected < top)
        {
            top = selected;
        }
        else if (selected >= top + state.PageHeight)
        {
            top = selected - state.PageHeight + 1;
        }

        return Positions.Pin(paused, rows, selected, top);
    }

    private static ViewerState Follow(ViewerState state, IRowSource rows)
    {
        var count = rows.Count;
        var selected = Math.Max(0, count - 1);
        var top = Math.Max(0, count - state.PageHeight);
        return Positions.Pin(state with { Following = true, NewWhilePaused = 0, PausedAfterNanos = null }, rows, selected, top);
    }

    /// <summary>Re-reads positions from the pinned entries; clamps what no longer exists.</summary>
    private static ViewerState Repin(ViewerState state, IRowSource rows)
    {
        if (state.Following)
        {
            return Follow(state, rows);
        }

        var count = rows.Count;
        if (count == 0)
        {
            return Positions.Pin(state, rows, 0, 0);
        }

        var top = state.TopKey is { } topKey ? rows.Locate(topKey) : state.TopRow;
        var selected = state.SelectedKey is { } selectedKey ? rows.Locate(selectedKey) : state.SelectedRow;
        top = Math.Clamp(top, 0, Math.Max(0, count - 1));
        selected = Math.Clamp(selected, 0, count - 1);
        if (selected < top || selected >= top + state.PageHeight)
        {
            top = Math.Max(0, selected - (state.PageHeight / 2));
        }

        return Positions.Pin(state, rows, selected, top);
    }

    private static ViewerState OnDataChanged(ViewerState state, DataChanged data)
    {
        var replicas = data.Figures.Replicas;
        var next = state with
        {
            Now = data.Now ?? state.Now,
            Figures = data.Figures,
            NewWhilePaused = state.PausedAfterNanos is { } pausedAfter ? ShownAfter(data.Rows, pausedAfter) : 0,
            Replicas = replicas.Select(r => r.Replica).SequenceEqual(state.Replicas) ? state.Replicas : [.. replicas.Select(r => r.Replica)],
        };
        return Repin(next, data.Rows);
    }

    /// <summary>How many rows are newer than <paramref name="nanos"/>: rows are in timestamp order, so a binary search.</summary>
    private static long ShownAfter(IRowSource rows, long nanos)
    {
        int low = 0, high = rows.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (rows.At(middle)!.Value.TimestampNanos <= nanos)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return rows.Count - low;
    }

    private static ViewerState JumpToMatchingRow(ViewerState state, IRowSource rows, int direction)
    {
        if (state.Matcher.Filter is not { } filter)
        {
            return state with { Notice = "no filter: press / to type one" };
        }

        var row = rows.Find(state.SelectedRow, filter, direction > 0);
        return row < 0 ? state with { Notice = direction > 0 ? "no later match" : "no earlier match" } : MoveTo(state, rows, row);
    }

    private static readonly TextFilter TracebackStart = new("Traceback (most recent call last):", IgnoreCase: false);

    private static int Nearest(int a, int b, int direction) => (a, b) switch
    {
        (< 0, _) => b,
        (_, < 0) => a,
        _ => direction > 0 ? Math.Min(a, b) : Math.Max(a, b),
    };

    private static ViewerState JumpToLevelRow(ViewerState state, IRowSource rows, LogLevel level, int direction)
    {
        // By entry: a line at the level, or a traceback's first line for errors, names its entry; the entry's
        // first line goes to the top of the pane, so as much of it shows as fits.
        var selected = state.Following ? rows.Count - 1 : state.SelectedRow;
        var current = EntryGroups.EntryAt(rows, selected);
        var currentHead = current.Count > 0 ? current[0] : selected;
        var from = direction > 0 ? (current.Count > 0 ? current[^1] : selected) : currentHead;
        for (var attempts = 0; attempts < 1000; attempts++)
        {
            var row = Nearest(rows.Find(from, new LevelFilter(level), direction > 0), level == LogLevel.Error ? rows.Find(from, TracebackStart, direction > 0) : -1, direction);
            if (row < 0)
            {
                break;
            }

            var head = EntryGroups.HeadOf(rows, row);
            if (head != currentHead)
            {
                return Positions.PlaceAtTop(state, rows, head);
            }

            from = row;
        }

        var name = level == LogLevel.Error ? "error" : "warning";
        return state with { Notice = direction > 0 ? $"no later {name}" : $"no earlier {name}" };
    }

    private static ViewerState ToggleReplicaUnderCursor(ViewerState state)
    {
        if (state.SidebarCursor == 0 || state.SidebarCursor > state.Replicas.Length)
        {
            return state with { Rules = state.Rules with { HiddenReplicas = state.Rules.HiddenReplicas.Clear(), IsolatedReplica = null } };
        }

        var replica = state.Replicas[state.SidebarCursor - 1];
        var shown = state.HiddenReplicas.Remove(replica);
        var hidden = ReferenceEquals(shown, state.HiddenReplicas) ? state.HiddenReplicas.Add(replica) : shown;
        return state with { Rules = state.Rules with { HiddenReplicas = hidden, IsolatedReplica = null } };
    }

    private static ViewerState IsolateReplicaUnderCursor(ViewerState state)
    {
        if (state.SidebarCursor == 0 || state.SidebarCursor > state.Replicas.Length)
        {
            return state with { Rules = state.Rules with { IsolatedReplica = null } };
        }

        var replica = state.Replicas[state.SidebarCursor - 1];
        return state with { Rules = state.Rules with { IsolatedReplica = string.Equals(state.IsolatedReplica, replica, StringComparison.Ordinal) ? null : replica } };
    }
}
