using System.Globalization;
using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Catalog;

/// <summary>
/// Turns what the user typed into a target: a model or project by id or name (an exact id wins; then an exact
/// name, then a name ignoring case; a name shared by several is refused with the list), and when the second id is
/// left out, the deployment or job to follow: the production deployment, else the development one, else the only
/// one; the most recently created job. Every refusal lists what there is to choose from.
/// </summary>
public sealed class TargetResolver(ITargetDirectory directory)
{
    private const int ListedAtMost = 12;

    public async Task<TargetChoice> ResolveDeploymentAsync(string model, string? deployment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var models = await directory.ListModelsAsync(cancellationToken).ConfigureAwait(false);
        var chosenModel = Pick(models, model, m => m.Id, m => m.Name, "model", m => m.TeamName);
        var deployments = await directory.ListDeploymentsAsync(chosenModel.Id, cancellationToken).ConfigureAwait(false);
        var modelTitle = $"{chosenModel.Name} ({chosenModel.Id})";
        if (deployment is not null)
        {
            var named = Pick(deployments, deployment, d => d.Id, d => d.Name, $"deployment of {modelTitle}", d => d.Role);
            return new TargetChoice(new DeploymentTarget(chosenModel.Id, named.Id), Title(chosenModel, named), null);
        }

        if (deployments.Count == 0)
        {
            throw new TargetResolutionException(ResolutionFailure.NotFound, $"model {modelTitle} has no deployments.");
        }

        var production = deployments.FirstOrDefault(d => d.IsProduction) ?? deployments.FirstOrDefault(d => d.Id == chosenModel.ProductionDeploymentId);
        var development = deployments.FirstOrDefault(d => d.IsDevelopment) ?? deployments.FirstOrDefault(d => d.Id == chosenModel.DevelopmentDeploymentId);
        var (chosen, why) = production is not null ? (production, "the production deployment")
            : development is not null ? (development, "the development deployment (there is no production one)")
            : deployments.Count == 1 ? (deployments[0], "its only deployment")
            : (null, null);
        if (chosen is null)
        {
            throw new TargetResolutionException(
                ResolutionFailure.NeedsChoice,
                $"model {modelTitle} has {deployments.Count} deployments and none is production or development; add the deployment's id or name: "
                + string.Join("; ", deployments.Take(ListedAtMost).Select(d => $"logviewer deployment {chosenModel.Id} {d.Id} ({d.Name}, {d.Status})"))
                + More(deployments.Count));
        }

        return new TargetChoice(
            new DeploymentTarget(chosenModel.Id, chosen.Id),
            Title(chosenModel, chosen),
            $"following {why} of {modelTitle}: {chosen.Name} ({chosen.Id}), {chosen.Describe()}.");
    }

    public async Task<TargetChoice> ResolveTrainingJobAsync(string project, string? job, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        var projects = await directory.ListTrainingProjectsAsync(cancellationToken).ConfigureAwait(false);
        var chosenProject = Pick(projects, project, p => p.Id, p => p.Name, "training project", p => p.TeamName is { } team ? $"team {team}" : null);
        var jobs = await directory.ListTrainingJobsAsync(chosenProject.Id, cancellationToken).ConfigureAwait(false);
        var projectTitle = $"{chosenProject.Name} ({chosenProject.Id})";
        if (job is not null)
        {
            var named = Pick(jobs, job, j => j.Id, j => j.Name, $"job of {projectTitle}", j => j.ShortStatus);
            return new TargetChoice(new TrainingJobTarget(chosenProject.Id, named.Id), Title(chosenProject, named), null);
        }

        if (MostRecent(jobs) is not { } latest)
        {
            throw new TargetResolutionException(ResolutionFailure.NotFound, $"training project {projectTitle} has no jobs yet.");
        }

        var created = latest.CreatedAt is { } at ? ", created " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : string.Empty;
        return new TargetChoice(
            new TrainingJobTarget(chosenProject.Id, latest.Id),
            Title(chosenProject, latest),
            $"following the most recent job of {projectTitle}: {latest.Name ?? latest.Id} ({latest.Id}){created}, {latest.ShortStatus}.");
    }

    /// <summary>The job created last; on equal (or unknown) creation times the one listed last.</summary>
    public static TrainingJobInfo? MostRecent(IReadOnlyList<TrainingJobInfo> jobs) =>
        jobs.Count == 0 ? null : jobs.Aggregate((latest, job) => (job.CreatedAt ?? DateTimeOffset.MinValue) >= (latest.CreatedAt ?? DateTimeOffset.MinValue) ? job : latest);

    private static string Title(ModelInfo model, DeploymentInfo deployment) => $"{model.Name} / {deployment.Name} ({deployment.Id})";

    private static string Title(TrainingProjectInfo project, TrainingJobInfo job) => $"{project.Name} / {job.Name ?? job.Id} ({job.Id})";

    private static T Pick<T>(IReadOnlyList<T> items, string typed, Func<T, string> id, Func<T, string?> name, string what, Func<T, string?> detail)
    {
        if (items.FirstOrDefault(item => id(item) == typed) is { } byId)
        {
            return byId;
        }

        var exact = items.Where(item => name(item) == typed).ToList();
        var matches = exact.Count > 0 ? exact : items.Where(item => string.Equals(name(item), typed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        string Describe(T item) => $"{name(item) ?? "(no name)"} ({id(item)}{(detail(item) is { Length: > 0 } d ? ", " + d : string.Empty)})";
        if (matches.Count > 1)
        {
            throw new TargetResolutionException(
                ResolutionFailure.Ambiguous,
                $"{matches.Count} of your {Plural(what)} are named \"{typed}\": {string.Join(", ", matches.Take(ListedAtMost).Select(Describe))}{More(matches.Count)}; give the id instead.");
        }

        var known = items.Count == 0
            ? $"there are none with this key"
            : $"yours are: {string.Join(", ", items.Take(ListedAtMost).Select(Describe))}{More(items.Count)}";
        throw new TargetResolutionException(ResolutionFailure.NotFound, $"no {what} has the id or name \"{typed}\"; {known}.");
    }

    private static string Plural(string what) => what.StartsWith("deployment of ", StringComparison.Ordinal) ? "deployments" + what["deployment".Length..]
        : what.StartsWith("job of ", StringComparison.Ordinal) ? "jobs" + what["job".Length..]
        : what + "s";

    private static string More(int count) => count > ListedAtMost ? $" and {count - ListedAtMost} more (see `logviewer pick`)" : string.Empty;
}
