using LogViewer.Tui.State;

namespace LogViewer.Tui.Prompt.Commands;

/// <summary>
/// What parsers and Tab completion may need from the state without reading it all: the zone local times are read
/// in, how many rules there are (so <c>:delete 9</c> is refused in place when there is no rule 9), the replicas known
/// to the viewer and which are hidden, and request ids seen near the selection.
/// </summary>
internal sealed record PromptContext(TimeZoneInfo LocalZone, int RuleCount = 0)
{
    /// <summary>Rows around the selection read for request ids: enough for a screen or two, never a scan of the store.</summary>
    private const int RequestIdWindow = 200;

    /// <summary>Every replica the viewer has seen, in the sidebar's order.</summary>
    public IReadOnlyList<string> Replicas { get; init; } = [];

    public IReadOnlySet<string> HiddenReplicas { get; init; } = new HashSet<string>();

    /// <summary>Request ids of the rows around the selection (the nearest first).</summary>
    public IReadOnlyList<string> RequestIds { get; init; } = [];

    /// <summary>The metric keys found in the lines (<c>:chart</c>); filled in by the program, which holds the metric index.</summary>
    public IReadOnlyList<string> MetricKeys { get; init; } = [];

    public static PromptContext Of(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PromptContext(state.LocalZone, state.Rules.Rules.Count)
        {
            Replicas = state.Replicas,
            HiddenReplicas = state.HiddenReplicas,
            RequestIds = RequestIdsNear(state.Rows, state.Following ? state.Rows.Count - 1 : state.SelectedRow),
        };
    }

    private static List<string> RequestIdsNear(IRowSource rows, int selected)
    {
        var ids = new List<string>();
        for (var distance = 0; distance <= RequestIdWindow / 2; distance++)
        {
            foreach (var row in distance == 0 ? [selected] : new[] { selected - distance, selected + distance })
            {
                if (rows.At(row)?.RequestId is { Length: > 0 } id && !ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}
