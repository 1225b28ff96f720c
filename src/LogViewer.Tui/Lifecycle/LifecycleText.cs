using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Lifecycle;

/// <summary>The lifecycle in words, for the status bar (short) and the line above it (the whole sentence).</summary>
internal static class LifecycleText
{
    /// <summary>"job FAILED", "deployment SCALED_TO_ZERO, 0 replicas"; empty when nothing is known.</summary>
    public static string Short(LifecycleState lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (lifecycle.JobStatus is { } job)
        {
            return lifecycle.Stopped ? $"job {job}, stopped polling (R resumes)" : $"job {job}";
        }

        return lifecycle.Deployment is { } d
            ? $"{d.Status}, {(d.ActiveReplicaCount == 1 ? "1 replica" : d.ActiveReplicaCount.ToString(CultureInfo.InvariantCulture) + " replicas")}"
            : string.Empty;
    }

    /// <summary>
    /// The sentence worth a line of its own, or null: a job that ended ("job FAILED at 10:41:07: error; stopped
    /// polling, R resumes") or a deployment that is not serving ("deployment deployment-3 is scaled to zero: ...").
    /// </summary>
    public static string? Sentence(LifecycleState lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (lifecycle.JobStatus is { } job && lifecycle.JobEndedAt is { } ended)
        {
            var at = TimeZoneInfo.ConvertTime(ended, lifecycle.Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            var error = lifecycle.JobError is { Length: > 0 } e ? $": {e}" : string.Empty;
            return $"job {job} at {at}{error}" + (lifecycle.Stopped ? "; stopped polling (R resumes)" : string.Empty);
        }

        return lifecycle.Deployment is { IsServing: false } d ? $"deployment {d.Name} is {d.Describe()}" : null;
    }

    /// <summary>Why an empty pane is empty, when the deployment's state explains it.</summary>
    public static string? EmptyPane(LifecycleState lifecycle) =>
        lifecycle.Deployment is { } d && DeploymentStatusWords.ExplainsSilence(d.Status) ? $"no lines: the deployment is {d.Describe()}" : null;
}
