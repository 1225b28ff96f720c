using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Every query parameter of the two log endpoints. <see cref="Validate"/> checks the API's documented limits
/// before anything is sent, so a bad query is a clear message rather than a 400 from the server.
/// </summary>
public sealed record LogQuery
{
    public const int MaxLimit = 1000;
    public const int MaxFilterTerms = 8;
    public const int MaxTextLength = 256;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public long? StartEpochMillis { get; init; }
    public long? EndEpochMillis { get; init; }
    public SortDirection? Direction { get; init; }
    public int? Limit { get; init; }

    /// <summary>Minimum severity; any value drops lines that have no level. <c>null</c> returns every line.</summary>
    public LogLevel? MinLevel { get; init; }

    // Deployment-only filters.
    public string? Replica { get; init; }
    public string? RequestId { get; init; }

    /// <summary>An RE2 regular expression matched against the message.</summary>
    public string? SearchPattern { get; init; }

    /// <summary>Case-sensitive substrings that must all appear.</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>Case-sensitive substrings; a line containing any of them is dropped.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>True when a deployment-only filter is set.</summary>
    public bool HasDeploymentOnlyFilters =>
        Replica is not null || RequestId is not null || SearchPattern is not null || Includes.Count > 0 || Excludes.Count > 0;

    /// <summary>Every reason this query would be refused for <paramref name="target"/>; empty when it is fine.</summary>
    public IReadOnlyList<string> Validate(LogTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var errors = new List<string>();
        if (Limit is < 1 or > MaxLimit)
        {
            errors.Add($"limit must be between 1 and {MaxLimit} (got {Limit}).");
        }

        if (StartEpochMillis is { } start && EndEpochMillis is { } end)
        {
            if (start > end)
            {
                errors.Add($"the start ({Describe(start)}) is after the end ({Describe(end)}).");
            }
            else if (end - start > (long)MaxWindow.TotalMilliseconds)
            {
                errors.Add($"the window from {Describe(start)} to {Describe(end)} is longer than 7 days; split it into windows of at most 7 days.");
            }
        }

        if (MinLevel == LogLevel.None)
        {
            errors.Add("min_level must be DEBUG, INFO, WARNING or ERROR.");
        }

        if (Includes.Count > MaxFilterTerms)
        {
            errors.Add($"at most {MaxFilterTerms} include terms are allowed (got {Includes.Count}).");
        }

        if (Excludes.Count > MaxFilterTerms)
        {
            errors.Add($"at most {MaxFilterTerms} exclude terms are allowed (got {Excludes.Count}).");
        }

        CheckLength(errors, "replica", Replica);
        CheckLength(errors, "request id", RequestId);
        CheckLength(errors, "search pattern", SearchPattern);

        if (target is TrainingJobTarget && HasDeploymentOnlyFilters)
        {
            errors.Add("replica, request id, include, exclude and grep filters are only available for deployments, not training jobs.");
        }

        return errors;
    }

    private static void CheckLength(List<string> errors, string name, string? value)
    {
        if (value is not null && value.Length > MaxTextLength)
        {
            errors.Add($"the {name} is {value.Length} characters long; at most {MaxTextLength} are allowed.");
        }
    }

    private static string Describe(long epochMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
