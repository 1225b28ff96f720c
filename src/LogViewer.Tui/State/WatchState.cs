using System.Collections.Immutable;

namespace LogViewer.Tui.State;

/// <summary>
/// The viewer's watching slice: the target's short name for the title, whether the title is set, which changes
/// notify, how notifications are encoded, the title last written and when each cause last notified.
/// </summary>
internal sealed record WatchState
{
    public static WatchState Off { get; } = new() { SetsTitle = false, Mode = NotifyMode.Never };

    /// <summary>"oom-repro", "v7": the title's first word.</summary>
    public string Name { get; init; } = string.Empty;

    public bool SetsTitle { get; init; } = true;

    public NotifyMode Mode { get; init; } = NotifyMode.End;

    public TerminalStyle Style { get; init; } = TerminalStyle.Plain;

    public string? Title { get; init; }

    /// <summary>When each cause ("job FAILED", "deployment UNHEALTHY") last notified.</summary>
    public ImmutableDictionary<string, DateTimeOffset> LastNotified { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;
}
