using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Catalog;

/// <summary>
/// Everything a key can tail, read once from the listing endpoints: each model with its deployments and each
/// training project with its jobs. A model or project whose own listing fails is kept with no children and its
/// failure in <see cref="Problems"/>, so one broken entry does not hide the rest; a failure of the top-level
/// listings (a rejected key) is thrown as the <see cref="LogApiException"/> it is.
/// </summary>
public sealed record TargetListing(
    IReadOnlyList<(ModelInfo Model, IReadOnlyList<DeploymentInfo> Deployments)> Models,
    IReadOnlyList<(TrainingProjectInfo Project, IReadOnlyList<TrainingJobInfo> Jobs)> Projects,
    IReadOnlyList<string> Problems)
{
    /// <summary>Reads the whole listing: two top-level calls, then one per model and one per project, in turn.</summary>
    public static async Task<TargetListing> LoadAsync(ITargetDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var models = await directory.ListModelsAsync(cancellationToken).ConfigureAwait(false);
        var projects = await directory.ListTrainingProjectsAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        var withDeployments = new List<(ModelInfo, IReadOnlyList<DeploymentInfo>)>(models.Count);
        foreach (var model in models)
        {
            withDeployments.Add((model, await Children(() => directory.ListDeploymentsAsync(model.Id, cancellationToken), $"model {model.Name}", problems).ConfigureAwait(false)));
        }

        var withJobs = new List<(TrainingProjectInfo, IReadOnlyList<TrainingJobInfo>)>(projects.Count);
        foreach (var project in projects)
        {
            withJobs.Add((project, await Children(() => directory.ListTrainingJobsAsync(project.Id, cancellationToken), $"project {project.Name}", problems).ConfigureAwait(false)));
        }

        return new TargetListing(withDeployments, withJobs, problems);
    }

    private static async Task<IReadOnlyList<T>> Children<T>(Func<Task<IReadOnlyList<T>>> list, string owner, List<string> problems)
    {
        try
        {
            return await list().ConfigureAwait(false);
        }
        catch (LogApiException failure) when (failure.Kind is not ApiFailureKind.Unauthorized)
        {
            problems.Add($"{owner}: {failure.Message}");
            return [];
        }
    }
}
