using System.Collections.Immutable;
using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Core.Watching;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Watching;

/// <summary>
/// What a lifecycle change means for someone not looking: the title follows the job's or deployment's status, and
/// the changes <see cref="WatchState.Mode"/> asks for ring the bell and notify, at most once a minute per cause
/// (timed by the status's own clock, so virtual time in tests).
/// </summary>
internal static class WatchReducer
{
    public static readonly TimeSpan PerCauseInterval = TimeSpan.FromMinutes(1);

    /// <summary>The effects of going from <paramref name="before"/> to <paramref name="after"/> at <paramref name="at"/>.</summary>
    public static (WatchState Watch, ImmutableArray<ViewerEffect> Effects) OnLifecycle(WatchState watch, LifecycleState before, LifecycleState after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var effects = ImmutableArray.CreateBuilder<ViewerEffect>();
        var title = TitleFor(watch.Name, after);
        if (watch.SetsTitle && title != watch.Title)
        {
            watch = watch with { Title = title };
            effects.Add(new SetTerminalTitle(title));
        }

        if (Cause(watch.Mode, before, after) is { } cause
            && !(watch.LastNotified.TryGetValue(cause, out var last) && at - last < PerCauseInterval))
        {
            watch = watch with { LastNotified = watch.LastNotified.SetItem(cause, at) };
            effects.Add(new SendNotification($"LogViewer: {watch.Name}", Body(after)));
        }

        return (watch, effects.ToImmutable());
    }

    /// <summary>A surge notifies with <c>--notify errors</c> or <c>always</c>, once a minute per replica.</summary>
    public static ViewerUpdate OnSurge(ViewerState state, ErrorSurge surge)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(surge);
        var watch = state.Watch;
        var cause = "errors on " + (surge.Replica ?? "(no replica)");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(surge.AtNanos / 1_000_000);
        if (watch.Mode is not (NotifyMode.Errors or NotifyMode.Always)
            || (watch.LastNotified.TryGetValue(cause, out var last) && at - last < PerCauseInterval))
        {
            return state;
        }

        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"error surge on replica {surge.Replica ?? "(none)"}: {surge.LastMinute} errors in the last minute, {surge.BaselinePerMinute:0.#}/min in the 10 minutes before");
        return new ViewerUpdate(
            state with { Watch = watch with { LastNotified = watch.LastNotified.SetItem(cause, at) } },
            [new SendNotification($"LogViewer: {watch.Name}", body)]);
    }

    /// <summary>"oom-repro: FAILED", "v7: SCALED_TO_ZERO"; the name alone until a status is known.</summary>
    public static string TitleFor(string name, LifecycleState lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        var state = lifecycle.JobStatus ?? lifecycle.Deployment?.Status;
        var who = lifecycle.JobStatus is null && lifecycle.Deployment is { } d ? d.Name : name;
        return state is null ? who : $"{who}: {state}";
    }

    /// <summary>The session title's last part without its id: "proj / oom-repro (x8b2n5r)" gives "oom-repro".</summary>
    public static string ShortName(string sessionTitle)
    {
        ArgumentNullException.ThrowIfNull(sessionTitle);
        var last = sessionTitle[(sessionTitle.LastIndexOf(" / ", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : 0)..];
        return last.EndsWith(')') && last.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0 ? last[..open] : last;
    }

    private static string? Cause(NotifyMode mode, LifecycleState before, LifecycleState after)
    {
        if (mode == NotifyMode.Never)
        {
            return null;
        }

        // Only a change seen while watching: opening a job that already failed is not news.
        if (after.JobStatus is { } job && before.JobStatus is { } was && job != was)
        {
            return mode == NotifyMode.Always || new TrainingJobStatus(job).IsTerminal ? "job " + job : null;
        }

        if (after.Deployment is { } now && before.Deployment is { } then && now.Status != then.Status)
        {
            return mode == NotifyMode.Always || now.Status is "UNHEALTHY" or "FAILED" or "BUILD_FAILED" or "DEPLOY_FAILED" or "SCALED_TO_ZERO"
                ? "deployment " + now.Status
                : null;
        }

        return null;
    }

    private static string Body(LifecycleState after) =>
        LifecycleText.Sentence(after) ?? LifecycleText.Short(after);
}
