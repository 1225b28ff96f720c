using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// The deployment's lifecycle as the tail sees it: the last status read and when it is due again (every
/// DeploymentStatusInterval on the scheduler's clock). A status endpoint that refuses for good (404, 403) is
/// given up on: the logs still flow, the status bar just has no deployment state.
/// </summary>
internal sealed class DeploymentWatcher(DeploymentTarget target, TimeSpan interval)
{
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public DeploymentTarget Target => target;

    public DeploymentInfo? Deployment { get; private set; }

    public bool GaveUp { get; private set; }

    public bool IsDue(DateTimeOffset now) => !GaveUp && now >= _nextCheck;

    /// <summary>Records a status read at <paramref name="now"/>; true when status or replica count changed.</summary>
    public bool Record(DeploymentInfo deployment, DateTimeOffset now)
    {
        var changed = Deployment is null || Deployment.Status != deployment.Status || Deployment.ActiveReplicaCount != deployment.ActiveReplicaCount;
        Deployment = deployment;
        _nextCheck = now + interval;
        return changed;
    }

    /// <summary>A transient failure: try again at the next interval rather than hold up the logs.</summary>
    public void Skip(DateTimeOffset now) => _nextCheck = now + interval;

    public void GiveUp() => GaveUp = true;
}
