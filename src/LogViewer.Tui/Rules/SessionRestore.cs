using LogViewer.Core.Rules;
using LogViewer.Core.Sessions;
using LogViewer.Tui.Session;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Rules;

/// <summary>
/// Between a target's saved session and the viewer's state. At start the saved rules come back first and the command
/// line's filters are added on top (a rule already saved is not doubled; the command line's level, replica and
/// request id win); at the end the rules, level, hidden replicas, time format, wrap and sidebar are saved.
/// </summary>
internal static class SessionRestore
{
    public static IEnumerable<ViewerAction> Actions(TuiSession session)
    {
        var initial = session.InitialRules;
        if (session.Restored is { Problem: { } problem })
        {
            yield return new RestoreSession(initial, null, null, null, problem);
        }
        else if (session.Restored is { Session: { } saved })
        {
            var restored = SessionRules.Restore(saved);
            var rules = initial.Rules.Where(rule => !restored.Rules.Contains(rule)).Aggregate(restored, (set, rule) => set.Add(rule)) with
            {
                MinimumLevel = initial.MinimumLevel != Core.Model.LogLevel.None ? initial.MinimumLevel : restored.MinimumLevel,
                IsolatedReplica = initial.IsolatedReplica,
                RequestId = initial.RequestId,
            };
            TimeFormat? format = !session.Utc && Enum.TryParse<TimeFormat>(saved.TimeFormat, out var parsed) ? parsed : null;
            yield return new RestoreSession(rules, format, saved.Wrap, saved.Sidebar, Restored(restored));
        }
        else if (!initial.Equals(RuleSet.Empty))
        {
            yield return new RestoreSession(initial, null, null, null, null);
        }

        if (!string.IsNullOrEmpty(session.InitialFilter))
        {
            // A temporary in-rule, as if typed after /: Enter keeps it, Esc discards it.
            yield return new FilterTextChanged(session.InitialFilter);
        }
    }

    public static SavedSession Save(ViewerState state, TuiSession session) =>
        SessionRules.Save(
            new SavedSession
            {
                Target = session.Title,
                TimeFormat = state.TimeFormat.ToString(),
                Wrap = state.Wrap,
                Sidebar = state.SidebarVisible,
            },
            state.Rules);

    private static string Restored(RuleSet restored)
    {
        var parts = new List<string> { restored.Rules.Count == 1 ? "restored 1 rule" : $"restored {restored.Rules.Count} rules" };
        if (restored.MinimumLevel != Core.Model.LogLevel.None)
        {
            parts.Add($"level >= {Core.Model.LogLevels.ToApi(restored.MinimumLevel)}");
        }

        if (restored.HiddenReplicas.Count > 0)
        {
            parts.Add(restored.HiddenReplicas.Count == 1 ? "1 hidden replica" : $"{restored.HiddenReplicas.Count} hidden replicas");
        }

        return string.Join(", ", parts) + " from the last session (:forget starts clean)";
    }
}
