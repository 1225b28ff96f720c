using LogViewer.Core.Api;
using LogViewer.Core.Catalog;
using LogViewer.Core.Model;

namespace LogViewer.Targets;

/// <summary>
/// What the user typed for <c>deployment</c> or <c>training</c>: the model or project (id or name) and, optionally,
/// the deployment or job. Resolved against the listing endpoints once the client exists.
/// </summary>
internal sealed record TargetRequest(bool Training, string Parent, string? Child)
{
    /// <summary>The target as typed, for checks that only need its kind (training logs refuse deployment-only filters).</summary>
    public LogTarget AsTyped => Training ? new TrainingJobTarget(Parent, Child ?? string.Empty) : new DeploymentTarget(Parent, Child ?? string.Empty);

    public Task<TargetChoice> ResolveAsync(ITargetDirectory directory, CancellationToken cancellationToken)
    {
        var resolver = new TargetResolver(directory);
        return Training
            ? resolver.ResolveTrainingJobAsync(Parent, Child, cancellationToken)
            : resolver.ResolveDeploymentAsync(Parent, Child, cancellationToken);
    }
}
