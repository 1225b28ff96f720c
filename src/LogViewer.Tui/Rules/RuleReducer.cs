using System.Collections.Immutable;
using LogViewer.Core.Model;
using LogViewer.Core.Rules;
using LogViewer.Tui.Alerts;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Rules;

/// <summary>The rule feature's cases of <see cref="Viewer.ViewerReducer.Update"/>: the panel, the commands, and what comes back.</summary>
internal static class RuleReducer
{
    public static ViewerUpdate Update(ViewerState state, RuleAction action)
    {
        var panel = state.Panel;
        var rules = state.Rules;
        if (OnAlertRow(state, action) is { } alertRow)
        {
            return alertRow;
        }

        var lastRow = Math.Max(0, PanelRows(rules, state) - 1);
        return action switch
        {
            ToggleRulePanel => state with
            {
                Panel = panel with { Open = !panel.Open, Editing = RuleEditMode.None, Cursor = Math.Clamp(panel.Cursor, 0, lastRow) },
                HelpVisible = false,
            },
            MoveRuleCursor move => state with { Panel = panel with { Cursor = Math.Clamp(panel.Cursor + move.Rows, 0, lastRow) } },
            BeginRuleEdit { Mode: RuleEditMode.Edit } when !rules.InRange(panel.Cursor) => state with { Notice = "no rule to edit: i adds an in-rule, o an out-rule" },
            BeginRuleEdit begin => state with
            {
                Panel = panel with { Editing = begin.Mode, EditText = begin.Mode == RuleEditMode.Edit ? rules.Rules[panel.Cursor].Pattern.Display : string.Empty },
            },
            RuleEditTextChanged changed => state with { Panel = panel with { EditText = changed.Text } },
            EndRuleEdit end => EndEdit(state, end.Keep),
            ToggleSelectedRule => Changed(state, rules.Toggle(panel.Cursor)),
            DeleteSelectedRule => Changed(state, rules.Delete(panel.Cursor)),
            MoveSelectedRule move => Changed(state, rules.Move(panel.Cursor, move.Delta), panel.Cursor + move.Delta),
            AddRule add => Noted(
                Changed(state, rules.Add(new FilterRule(add.Kind, add.Pattern)), rules.Rules.Count),
                $"rule {rules.Rules.Count + 1}: {new FilterRule(add.Kind, add.Pattern).Describe()}" + (add.Pattern.Error is { } error ? $" - {error}" : string.Empty)),
            SetRuleEnabled set => WithRule(state, set.Number, index => rules.SetEnabled(index, set.Enabled)),
            DeleteRule delete => WithRule(state, delete.Number, rules.Delete),
            SetMinimumLevel level => Changed(state, rules with { MinimumLevel = level.Level }),
            HideReplica hide => Changed(state, rules.HideReplica(hide.Replica) with { IsolatedReplica = rules.IsolatedReplica == hide.Replica ? null : rules.IsolatedReplica }),
            ShowReplica show => Changed(state, rules.ShowReplica(show.Replica)),
            SetRequestId request => Changed(state, rules with { RequestId = request.RequestId }),
            ClearAllFilters => Noted(Cleared(state), "filters cleared: every held line is shown"),
            SearchServer search => StartSearch(state, search.Duration),
            ServerSearchEnded ended => state with
            {
                Panel = panel with { Searching = false, SearchResult = ended.Message },
                Notice = ended.Message,
                SearchGapNanos = ended.GapNanos is { } gap ? Math.Min(gap, state.SearchGapNanos ?? long.MaxValue) : state.SearchGapNanos,
            },
            ForgetSession => Cleared(state).With(RemoveSavedSession.Instance),
            SessionNotice notice => state with { Notice = notice.Message },
            RestoreSession restore => Restore(state, restore),
            RuleCountsRead read => state with { Panel = panel with { Counts = read.Counts.ToImmutableDictionary() } },
            _ => state,
        };
    }

    /// <summary>The panel's rows: the filter rules, then the alert rules.</summary>
    public static int PanelRows(RuleSet rules, ViewerState state) => rules.Rules.Count + state.Alerts.Rules.Length;

    /// <summary>
    /// The panel's cursor on an alert rule (below the filter rules): d deletes it; the keys that change a filter rule
    /// say what alert rules take instead of changing the filter rule they do not point at.
    /// </summary>
    private static ViewerUpdate? OnAlertRow(ViewerState state, RuleAction action)
    {
        var index = state.Panel.Cursor - state.Rules.Rules.Count;
        if (index < 0 || index >= state.Alerts.Rules.Length)
        {
            return null;
        }

        switch (action)
        {
            case DeleteSelectedRule:
                var deleted = AlertReducer.Update(state, new DeleteAlert(index))!.Value;
                var after = deleted.State;
                var cursor = Math.Clamp(after.Panel.Cursor, 0, Math.Max(0, PanelRows(after.Rules, after) - 1));
                return deleted with { State = after with { Panel = after.Panel with { Cursor = cursor } } };
            case ToggleSelectedRule or BeginRuleEdit { Mode: RuleEditMode.Edit } or MoveSelectedRule:
                return state with { Notice = "an alert rule: d deletes it; :alert PATTERN adds one" };
            default:
                return null;
        }
    }

    /// <summary>
    /// <paramref name="after"/>, asking for a re-filter when the store filter it implies differs from
    /// <paramref name="before"/>'s (typing in highlight-only mode, or an unchanged text, costs no re-scan).
    /// </summary>
    public static ViewerUpdate Refiltered(ViewerState before, ViewerState after)
    {
        var wanted = ViewFilter.From(after);
        ViewerUpdate update = wanted.Equals(ViewFilter.From(before)) ? after : new ViewerUpdate(after, [new Refilter(wanted)]);
        var patterns = CountedPatterns(after.Rules);
        return patterns.SequenceEqual(CountedPatterns(before.Rules)) ? update : update.With(new CountRules(patterns));
    }

    /// <summary>Patterns whose counts the panel shows: every valid rule's.</summary>
    public static IReadOnlyList<RulePattern> CountedPatterns(RuleSet rules) =>
        [.. rules.Rules.Select(rule => rule.Pattern).Where(pattern => pattern.Filter is not null).Distinct()];

    private static ViewerUpdate Restore(ViewerState state, RestoreSession restore)
    {
        var update = Changed(
            state with
            {
                TimeFormat = restore.TimeFormat ?? state.TimeFormat,
                Wrap = restore.Wrap ?? state.Wrap,
                SidebarVisible = restore.Sidebar ?? state.SidebarVisible,
            },
            restore.Rules);
        return restore.Notice is { } notice ? Noted(update, notice) : update;
    }

    private static ViewerUpdate Noted(ViewerUpdate update, string notice) => update with { State = update.State with { Notice = notice } };

    private static ViewerUpdate Changed(ViewerState state, RuleSet rules, int? cursor = null)
    {
        var after = state with
        {
            Rules = rules,
            Panel = state.Panel with
            {
                Cursor = Math.Clamp(cursor ?? state.Panel.Cursor, 0, Math.Max(0, PanelRows(rules, state) - 1)),
                SearchResult = null,
            },
        };
        return Refiltered(state, after);
    }

    private static ViewerUpdate WithRule(ViewerState state, int number, Func<int, RuleSet> change)
    {
        if (!state.Rules.InRange(number - 1))
        {
            var count = state.Rules.Rules.Count;
            return state with { Notice = count == 0 ? $"no rule {number}: there are no rules" : $"no rule {number}: rules are numbered 1 to {count} (Tab shows them)" };
        }

        return Changed(state, change(number - 1));
    }

    private static ViewerUpdate EndEdit(ViewerState state, bool keep)
    {
        var panel = state.Panel;
        var closed = state with { Panel = panel with { Editing = RuleEditMode.None, EditText = string.Empty } };
        if (!keep || panel.EditText.Length == 0)
        {
            return closed;
        }

        var pattern = RulePattern.Parse(panel.EditText);
        return panel.Editing switch
        {
            RuleEditMode.AddIn => Changed(closed, state.Rules.Add(new FilterRule(RuleKind.In, pattern)), state.Rules.Rules.Count),
            RuleEditMode.AddOut => Changed(closed, state.Rules.Add(new FilterRule(RuleKind.Out, pattern)), state.Rules.Rules.Count),
            RuleEditMode.Edit => Changed(closed, state.Rules.Replace(panel.Cursor, state.Rules.Rules[panel.Cursor] with { Pattern = pattern })),
            _ => closed,
        };
    }

    private static ViewerUpdate Cleared(ViewerState state)
    {
        var update = Changed(state with { FilterText = string.Empty, Matcher = Matching.TextMatcher.All, FilterError = null }, RuleSet.Empty);
        return update;
    }

    private static ViewerUpdate StartSearch(ViewerState state, TimeSpan duration)
    {
        if (state.Target is not { } target)
        {
            return state with { Notice = "the server search needs a deployment or a training job; a replayed file has no server" };
        }

        if (state.Panel.Searching)
        {
            return state with { Notice = "a server search is already running" };
        }

        var plan = ServerPushdown.Plan(state.Rules, target);
        var training = target is TrainingJobTarget ? " (training jobs: only the level goes to the server)" : string.Empty;
        return new ViewerUpdate(
            state with
            {
                Panel = state.Panel with { Searching = true, SearchResult = null },
                Notice = $"searching the server over {DurationSyntax.Format(duration)}, newest first; {plan.Describe()}{training}",
            },
            [new RunServerSearch(plan.Filters, duration)]);
    }
}
