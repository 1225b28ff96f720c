using LogViewer.Core.Model;
using LogViewer.Core.Filtering;
using LogViewer.Core.Rules;
using LogViewer.Tui.Matching;
using LogViewer.Tui.Rules;

namespace LogViewer.Tui.State;

/// <summary>
/// The one place the viewer's state changes: <c>Update(state, message)</c> returns the next state and the effects
/// it asks for (re-filter, read the view, quit), and touches nothing else. The data it needs (jumps to the next
/// error or match, re-pinning after lines arrive) is the immutable row snapshot inside the state.
/// </summary>
internal static class ViewerReducer
{
    private static readonly LogLevel[] LevelCycle = [LogLevel.None, LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error];

    public static ViewerUpdate Update(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        var rows = state.Rows;
        var next = state with { Notice = null };
        if (state.HelpVisible && ScrollsHelp(action, state.PageHeight) is { } helpRows)
        {
            return next with { HelpScroll = Math.Max(0, state.HelpScroll + helpRows) };
        }

        return action switch
        {
            MoveBy move => MoveTo(next, rows, state.SelectedRow + move.Rows),
            MoveByPages pages => MoveTo(next, rows, state.SelectedRow + RowsFor(pages, state.PageHeight)),
            GoToTop => MoveTo(next, rows, 0),
            GoToBottom => Follow(next, rows),
            ToggleFollow => state.Following ? Pause(next) : Follow(next, rows),
            ScrollHorizontally scroll => next with { HorizontalOffset = Math.Max(0, state.HorizontalOffset + scroll.Columns) },
            ResetHorizontalScroll => next with { HorizontalOffset = 0 },
            ToggleWrap => next with { Wrap = !state.Wrap, HorizontalOffset = 0 },
            CycleTimeFormat => next with { TimeFormat = (TimeFormat)(((int)state.TimeFormat + 1) % 4) },
            OpenFilter => next with { EditingFilter = true, HelpVisible = false },
            FilterTextChanged changed => Refiltered(state, WithFilterText(next, changed.Text)),
            CommitFilter => Refiltered(state, KeepQuickFilter(next)),
            ClearFilter => Refiltered(state, WithFilterText(next, string.Empty) with { EditingFilter = false }),
            ToggleFilterMode => Refiltered(state, next with
            {
                FilterMode = state.FilterMode == FilterMode.Narrow ? FilterMode.HighlightOnly : FilterMode.Narrow,
            }),
            CycleMinimumLevel => Refiltered(state, next with
            {
                Rules = state.Rules with { MinimumLevel = LevelCycle[(Array.IndexOf(LevelCycle, state.MinimumLevel) + 1) % LevelCycle.Length] },
            }),
            JumpToMatch jump => JumpToMatchingRow(next, rows, jump.Direction),
            JumpToLevel jump => JumpToLevelRow(next, rows, jump.Level, jump.Direction),
            MoveSidebarCursor cursor => next with
            {
                SidebarCursor = Math.Clamp(state.SidebarCursor + cursor.Rows, 0, state.Replicas.Length),
            },
            ToggleReplica => Refiltered(state, ToggleReplicaUnderCursor(next)),
            IsolateReplica => Refiltered(state, IsolateReplicaUnderCursor(next)),
            ToggleSidebar => next with { SidebarVisible = !state.SidebarVisible },
            ToggleHelp => next with { HelpVisible = !state.HelpVisible, HelpScroll = 0 },
            Escape => state.HelpVisible ? next with { HelpVisible = false }
                : state.Panel.Open ? next with { Panel = state.Panel with { Open = false, Editing = RuleEditMode.None } }
                : Refiltered(state, WithFilterText(next, string.Empty)),
            RuleCountsRead counts => RuleReducer.Update(state, counts), // data arriving, like DataChanged: the notice stays
            RuleAction rule => RuleReducer.Update(next, rule),
            RequestQuit => new ViewerUpdate(next, [Quit.Instance]),
            Resized resized => Repin(next with { PageHeight = Math.Max(1, resized.PageHeight) }, rows),
            ViewChanged => new ViewerUpdate(state, [ReadView.Instance]),
            DataChanged data => OnDataChanged(state, data), // a notice stays until the next key, whatever arrives
            TailStatusChanged status => next with { TailStatus = status.Status },
            ClockTick tick => new ViewerUpdate(state with { Now = tick.Now }, [ReadView.Instance]),
            TailWarningReceived warning => next with { LastWarning = warning.Warning.Message },
            _ => next,
        };
    }

    /// <summary>
    /// <paramref name="after"/>, asking for a re-filter when the store filter it implies differs from
    /// <paramref name="before"/>'s (typing in highlight-only mode, or an unchanged text, costs no re-scan).
    /// </summary>
    internal static ViewerUpdate Refiltered(ViewerState before, ViewerState after)
    {
        var wanted = ViewFilter.From(after);
        ViewerUpdate update = wanted.Equals(ViewFilter.From(before)) ? after : new ViewerUpdate(after, [new Refilter(wanted)]);
        var patterns = RuleReducer.CountedPatterns(after.Rules);
        return patterns.SequenceEqual(RuleReducer.CountedPatterns(before.Rules)) ? update : update.With(new CountRules(patterns));
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

        var paused = state.Following ? Pause(state) : state;
        var top = state.TopRow;
        if (selected < top)
        {
            top = selected;
        }
        else if (selected >= top + state.PageHeight)
        {
            top = selected - state.PageHeight + 1;
        }

        return Pin(paused, rows, selected, top);
    }

    private static ViewerState Pause(ViewerState state) => state with
    {
        Following = false,
        NewWhilePaused = 0,
        PausedAfterNanos = state.Rows.At(state.Rows.Count - 1)?.TimestampNanos ?? long.MinValue,
    };

    private static ViewerState Follow(ViewerState state, IRowSource rows)
    {
        var count = rows.Count;
        var selected = Math.Max(0, count - 1);
        var top = Math.Max(0, count - state.PageHeight);
        return Pin(state with { Following = true, NewWhilePaused = 0, PausedAfterNanos = null }, rows, selected, top);
    }

    private static ViewerState Pin(ViewerState state, IRowSource rows, int selected, int top) => state with
    {
        Rows = rows,
        SelectedRow = selected,
        TopRow = top,
        SelectedKey = rows.At(selected) is { } s ? RowKey.Of(s) : null,
        TopKey = rows.At(top) is { } t ? RowKey.Of(t) : null,
    };

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
            return Pin(state, rows, 0, 0);
        }

        var top = state.TopKey is { } topKey ? rows.Locate(topKey) : state.TopRow;
        var selected = state.SelectedKey is { } selectedKey ? rows.Locate(selectedKey) : state.SelectedRow;
        top = Math.Clamp(top, 0, Math.Max(0, count - 1));
        selected = Math.Clamp(selected, 0, count - 1);
        if (selected < top || selected >= top + state.PageHeight)
        {
            top = Math.Max(0, selected - (state.PageHeight / 2));
        }

        return Pin(state, rows, selected, top);
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

    private static ViewerState JumpToLevelRow(ViewerState state, IRowSource rows, LogLevel level, int direction)
    {
        var row = rows.Find(state.SelectedRow, new LevelFilter(level), direction > 0);
        if (row >= 0)
        {
            return MoveTo(state, rows, row);
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
