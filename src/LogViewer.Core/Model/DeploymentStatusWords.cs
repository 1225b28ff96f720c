using System.Globalization;

namespace LogViewer.Core.Model;

/// <summary>
/// A deployment status in words, with what it means for its logs: an empty or stalled log is explained by the
/// deployment's state more often than by anything else (scaled to zero, waking up, a failed build).
/// </summary>
public static class DeploymentStatusWords
{
    /// <summary>"active, 3 replicas"; "scaled to zero: no replicas, no new lines until a request wakes it".</summary>
    public static string Describe(string status, int activeReplicas)
    {
        ArgumentNullException.ThrowIfNull(status);
        var replicas = activeReplicas == 1 ? "1 replica" : string.Create(CultureInfo.InvariantCulture, $"{activeReplicas} replicas");
        return status switch
        {
            "ACTIVE" => $"active, {replicas}",
            "SCALED_TO_ZERO" => "scaled to zero: no replicas, no new lines until a request wakes it",
            "WAKING_UP" => $"waking up ({replicas}): lines start when a replica is ready",
            "UNHEALTHY" => $"unhealthy, {replicas}: replicas are failing health checks",
            "BUILDING" => "building: no replicas yet",
            "DEPLOYING" => $"deploying ({replicas})",
            "LOADING_MODEL" => $"loading the model ({replicas})",
            "UPDATING" => $"updating, {replicas}",
            "BUILD_FAILED" => "build failed: it never ran; its build logs are older",
            "BUILD_STOPPED" => "build stopped: it never ran",
            "DEPLOY_FAILED" => "deploy failed: no replicas",
            "FAILED" => "failed: no replicas",
            "DEACTIVATING" => $"deactivating ({replicas})",
            "INACTIVE" => "inactive: no replicas, no new lines",
            _ => $"{status.ToLowerInvariant().Replace('_', ' ')}, {replicas}",
        };
    }

    /// <summary>True when the state means no replica can write lines now, so an empty pane is expected.</summary>
    public static bool ExplainsSilence(string status) =>
        status is "SCALED_TO_ZERO" or "WAKING_UP" or "BUILDING" or "BUILD_FAILED" or "BUILD_STOPPED" or "DEPLOY_FAILED" or "FAILED" or "INACTIVE";
}
