using System.Collections.Immutable;
using System.Globalization;
using LogViewer.Core.Text;
using LogViewer.Tui.State;
using LogViewer.Tui.Watching;

namespace LogViewer.Tui.Alerts;

/// <summary>
/// The alerts feature's cases of <see cref="Viewer.ViewerReducer.Update"/>. A new line matching an alert rule is counted,
/// marked and listed; it notifies (bell, OSC 9/777, unless <c>--notify never</c>) when its rule has not notified in the
/// last minute. Matches within that minute are counted, and once the minute is up (at the next match or clock tick)
/// one notification tells the first of them "and N more". Timed by the program's clock, so virtual time in tests.
/// </summary>
internal static class AlertReducer
{
    public static readonly TimeSpan PerRuleInterval = TimeSpan.FromMinutes(1);

    private const int ExcerptLength = 120;

    public static ViewerUpdate? Update(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        var alerts = state.Alerts;
        if (alerts.ListOpen && action is Escape)
        {
            return state with { Alerts = alerts with { ListOpen = false } };
        }

        return action switch
        {
            AddAlert add => Add(state, add),
            DeleteAlert delete => Delete(state, delete.Index),
            AlertsMatched matched => Notify(Matched(state, matched), matched.At),
            ShowAlerts => alerts.Recent.IsEmpty
                ? state with { Notice = alerts.Rules.IsEmpty ? "no alerts: :alert PATTERN notifies when a new line matches" : "no alerts yet" }
                : state with { Alerts = alerts with { ListOpen = true, ListCursor = 0 }, HelpVisible = false },
            MoveAlertCursor move => state with { Alerts = alerts with { ListCursor = Math.Clamp(alerts.ListCursor + move.Rows, 0, Math.Max(0, alerts.Recent.Count - 1)) } },
            CloseAlerts => state with { Alerts = alerts with { ListOpen = false } },
            JumpToAlert => Jump(state with { Alerts = alerts with { ListOpen = false } }),
            _ => (ViewerUpdate?)null,
        };
    }

    /// <summary>On each clock tick: a rule whose minute is up tells the matches it held back.</summary>
    public static ViewerUpdate OnClock(ViewerState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Alerts.Rules.Any(rule => rule.Untold > 0) ? Notify(state, now) : state;
    }

    /// <summary>The alert the list's cursor is on (the list shows the newest first).</summary>
    public static AlertHit? Selected(AlertState alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var index = alerts.Recent.Count - 1 - alerts.ListCursor;
        return index >= 0 && index < alerts.Recent.Count ? alerts.Recent[index] : null;
    }

    /// <summary>The line as a notification or the list shows it: one line of terminal-safe text, shortened.</summary>
    public static string Excerpt(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = TerminalText.Sanitize(message).Trim();
        return text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 3)] + "...";
    }

    private static ViewerUpdate Add(ViewerState state, AddAlert add)
    {
        var rules = state.Alerts.Rules;
        if (rules.Any(rule => rule.Pattern.Equals(add.Pattern)))
        {
            return state with { Notice = $"alert {add.Pattern.Display} is there already (Tab shows it)" };
        }

        var next = rules.Add(new AlertRule(add.Pattern));
        var live = state.Target is null ? " (a replayed file has no new lines)" : string.Empty;
        return Watched(
            state with
            {
                Alerts = state.Alerts with { Rules = next },
                Notice = $"alert {add.Pattern.Display}: new lines that match notify, at most once a minute{live}",
            },
            next);
    }

    private static ViewerUpdate Delete(ViewerState state, int index)
    {
        var rules = state.Alerts.Rules;
        if (index < 0 || index >= rules.Length)
        {
            return state;
        }

        var next = rules.RemoveAt(index);
        return Watched(state with { Alerts = state.Alerts with { Rules = next }, Notice = $"deleted {rules[index].Describe()}" }, next);
    }

    private static ViewerUpdate Watched(ViewerState state, ImmutableArray<AlertRule> rules) =>
        new(state, [new WatchAlerts([.. rules.Select(rule => rule.Pattern)])]);

    private static ViewerState Matched(ViewerState state, AlertsMatched matched)
    {
        var alerts = state.Alerts;
        var rules = alerts.Rules.ToBuilder();
        var recent = alerts.Recent.ToBuilder();
        var marked = alerts.Marked.ToBuilder();
        var order = alerts.MarkedOrder;
        foreach (var match in matched.Matches)
        {
            // A rule deleted while its matches were on their way counts nothing.
            var index = IndexOf(rules, match.Pattern);
            if (index < 0)
            {
                continue;
            }

            var line = new AlertedLine(match.Entry.TimestampNanos, match.Entry.Message);
            var hit = new AlertHit(matched.At, match.Pattern, line, match.Entry.Replica);
            var rule = rules[index];
            rules[index] = rule with { Hits = rule.Hits + 1, Untold = rule.Untold + 1, FirstUntold = rule.FirstUntold ?? hit };
            recent.Add(hit);
            if (marked.Add(line))
            {
                order = order.Enqueue(line);
            }
        }

        while (recent.Count > AlertState.RecentLimit)
        {
            recent.RemoveAt(0);
        }

        while (marked.Count > AlertState.MarkedLimit)
        {
            order = order.Dequeue(out var oldest);
            marked.Remove(oldest);
        }

        var list = alerts.ListOpen && recent.Count > alerts.Recent.Count
            ? Math.Min(alerts.ListCursor + (recent.Count - alerts.Recent.Count), recent.Count - 1) // the same alert stays selected as newer ones arrive above it
            : alerts.ListCursor;
        return state with
        {
            Alerts = alerts with { Rules = rules.ToImmutable(), Recent = recent.ToImmutable(), Marked = marked.ToImmutable(), MarkedOrder = order, ListCursor = list },
        };
    }

    private static int IndexOf(ImmutableArray<AlertRule>.Builder rules, Core.Rules.RulePattern pattern)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Pattern.Equals(pattern))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Each rule with untold matches whose last notification is a minute old (or that never notified) notifies now.</summary>
    private static ViewerUpdate Notify(ViewerState state, DateTimeOffset now)
    {
        var rules = state.Alerts.Rules;
        var effects = ImmutableArray.CreateBuilder<ViewerEffect>();
        var builder = rules.ToBuilder();
        for (var i = 0; i < builder.Count; i++)
        {
            var rule = builder[i];
            if (rule.Untold == 0 || rule.FirstUntold is not { } first || (rule.LastNotified is { } last && now - last < PerRuleInterval))
            {
                continue;
            }

            builder[i] = rule with { Untold = 0, FirstUntold = null, LastNotified = now };
            if (state.Watch.Mode != NotifyMode.Never)
            {
                effects.Add(new SendNotification($"LogViewer: {state.Watch.Name}", Body(rule, first)));
            }
        }

        return effects.Count == 0 && builder.SequenceEqual(rules)
            ? state
            : new ViewerUpdate(state with { Alerts = state.Alerts with { Rules = builder.ToImmutable() } }, effects.ToImmutable());
    }

    private static string Body(AlertRule rule, AlertHit first)
    {
        var more = rule.Untold > 1 ? string.Create(CultureInfo.InvariantCulture, $" ... and {rule.Untold - 1} more") : string.Empty;
        return $"{rule.Describe()}: {Excerpt(first.Line.Message)}{more}";
    }

    private static ViewerUpdate Jump(ViewerState state)
    {
        if (Selected(state.Alerts) is not { } hit)
        {
            return state;
        }

        var rows = state.Rows;
        for (var row = rows.RowAtOrAfterTime(hit.Line.TimestampNanos); row < rows.Count; row++)
        {
            if (rows.At(row) is not { } candidate || candidate.TimestampNanos != hit.Line.TimestampNanos)
            {
                break;
            }

            if (string.Equals(candidate.Message, hit.Line.Message, StringComparison.Ordinal))
            {
                return Positions.PlaceAtTop(state, rows, row) with { Notice = $"{Describe(hit)} (:alerts lists the recent alerts)" };
            }
        }

        return state with { Notice = "that line is not shown: the filters hide it or it was evicted (:clear-filters shows every held line)", NoticeIsError = true };
    }

    private static string Describe(AlertHit hit) => $"alert {hit.Pattern.Display}";
}
