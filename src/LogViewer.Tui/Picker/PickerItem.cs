using System.Collections.Immutable;
using System.Globalization;
using LogViewer.Core.Catalog;
using LogViewer.Core.Model;

namespace LogViewer.Tui.Picker;

/// <summary>
/// One row of the picker: a training job or a deployment, what is shown of it, and the text typing narrows by
/// (names and ids of the job or deployment and of its project or model, its status).
/// </summary>
internal sealed record PickerItem(LogTarget Target, string Kind, string Name, string Id, string Status, string Details, DateTimeOffset? CreatedAt)
{
    /// <summary>Lower-case text the query is matched against.</summary>
    public string SearchText { get; init; } = string.Empty;

    /// <summary>The title of the log view opened from this row.</summary>
    public string Title => $"{Name} ({Id})";

    /// <summary>
    /// Rows for a listing: training jobs first, then deployments, each newest first (creation time; the API's
    /// order where that is unknown).
    /// </summary>
    public static ImmutableArray<PickerItem> From(TargetListing listing, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var jobs = listing.Projects
            .SelectMany(p => p.Jobs.Select((job, index) => (Item: Job(p.Project, job, zone), Index: index)))
            .OrderByDescending(j => j.Item.CreatedAt ?? DateTimeOffset.MinValue).ThenByDescending(j => j.Index)
            .Select(j => j.Item);
        var deployments = listing.Models
            .SelectMany(m => m.Deployments.Select((deployment, index) => (Item: Deployment(m.Model, deployment), Index: index)))
            .OrderByDescending(d => d.Item.CreatedAt ?? DateTimeOffset.MinValue).ThenByDescending(d => d.Index)
            .Select(d => d.Item);
        return [.. jobs, .. deployments];
    }

    private static PickerItem Job(TrainingProjectInfo project, TrainingJobInfo job, TimeZoneInfo zone)
    {
        var name = $"{project.Name} / {job.Name ?? job.Id}";
        var details = $"created {Time(job.CreatedAt, zone)}  updated {Time(job.UpdatedAt, zone)}";
        return new PickerItem(new TrainingJobTarget(project.Id, job.Id), "job", name, job.Id, job.ShortStatus, details, job.CreatedAt)
        {
            SearchText = string.Join(' ', "job", project.Name, project.Id, job.Name, job.Id, job.ShortStatus).ToLowerInvariant(),
        };
    }

    private static PickerItem Deployment(ModelInfo model, DeploymentInfo deployment)
    {
        var name = $"{model.Name} / {deployment.Name}";
        var replicas = deployment.ActiveReplicaCount == 1 ? "1 replica" : $"{deployment.ActiveReplicaCount} replicas";
        var role = deployment.IsProduction ? "production" : deployment.IsDevelopment ? "development" : null;
        var environment = deployment.Environment is { Length: > 0 } env && env != role ? $"env {env}" : null;
        var details = string.Join("  ", new[] { replicas, role, environment }.Where(part => part is not null));
        return new PickerItem(new DeploymentTarget(model.Id, deployment.Id), "deployment", name, deployment.Id, deployment.Status, details, deployment.CreatedAt)
        {
            SearchText = string.Join(' ', "deployment", model.Name, model.Id, deployment.Name, deployment.Id, deployment.Status, role, deployment.Environment).ToLowerInvariant(),
        };
    }

    private static string Time(DateTimeOffset? time, TimeZoneInfo zone) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "?";
}
