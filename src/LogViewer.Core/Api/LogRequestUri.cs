using System.Globalization;
using System.Text;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Builds the request URI of a log or job call. Every value goes through <c>Uri.EscapeDataString</c>
/// (spaces, <c>&amp;</c>, <c>#</c>, <c>+</c> and non-ASCII all percent-encoded) and arrays are repeated
/// parameters (<c>includes=a&amp;includes=b</c>), the form the API's query parser expects.
/// </summary>
internal static class LogRequestUri
{
    public static Uri ForLogs(Uri baseAddress, LogTarget target, LogQuery query)
    {
        var builder = new StringBuilder(Root(baseAddress));
        builder.Append(LogsPath(target));
        var separator = '?';
        void Add(string name, string value)
        {
            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (query.StartEpochMillis is { } start)
        {
            Add("start_epoch_millis", start.ToString(CultureInfo.InvariantCulture));
        }

        if (query.EndEpochMillis is { } end)
        {
            Add("end_epoch_millis", end.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Direction is { } direction)
        {
            Add("direction", direction == SortDirection.Ascending ? "asc" : "desc");
        }

        if (query.Limit is { } limit)
        {
            Add("limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        if (query.MinLevel?.ToApi() is { } level)
        {
            Add("min_level", level);
        }

        if (query.Replica is { } replica)
        {
            Add("replica", replica);
        }

        if (query.RequestId is { } requestId)
        {
            Add("request_id", requestId);
        }

        if (query.SearchPattern is { } pattern)
        {
            Add("search_pattern", pattern);
        }

        foreach (var include in query.Includes)
        {
            Add("includes", include);
        }

        foreach (var exclude in query.Excludes)
        {
            Add("excludes", exclude);
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    public static Uri ForTrainingJob(Uri baseAddress, TrainingJobTarget target) =>
        new(Root(baseAddress) + $"/v1/training_projects/{Escape(target.ProjectId)}/jobs/{Escape(target.JobId)}", UriKind.Absolute);

    private static string LogsPath(LogTarget target) => target switch
    {
        DeploymentTarget d => $"/v1/models/{Escape(d.ModelId)}/deployments/{Escape(d.DeploymentId)}/logs",
        TrainingJobTarget t => $"/v1/training_projects/{Escape(t.ProjectId)}/jobs/{Escape(t.JobId)}/logs",
        _ => throw new ArgumentException($"Unknown log target {target.GetType().Name}.", nameof(target)),
    };

    // A base address may carry a path prefix (a proxy); keep it and drop any trailing slash.
    private static string Root(Uri baseAddress) => baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
