using System.Globalization;
using System.Text.RegularExpressions;
using LogViewer.Simulator.Logs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LogViewer.Simulator.Http;

/// <summary>Reads and validates the query string of both logs endpoints as Baseten's API does.</summary>
internal static class LogsQueryParser
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;
    public const int MaxFilterItems = 8;
    public const int MaxTextLength = 256;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    private const long NanosPerMilli = 1_000_000;
    private static readonly string[] DeploymentOnly = ["replica", "request_id", "search_pattern", "includes", "includes[]", "excludes", "excludes[]", "component"];

    public static QueryRejection? TryParse(IQueryCollection query, bool training, DateTimeOffset now, out LogsQuery? parsed)
    {
        parsed = null;
        if (training && DeploymentOnly.FirstOrDefault(query.ContainsKey) is { } refused)
        {
            return new QueryRejection(400, $"Parameter '{refused}' is not supported for training job logs; only start_epoch_millis, end_epoch_millis, direction, limit and min_level are.");
        }

        if (ReadInteger(query, "start_epoch_millis", out var start) is { } badStart)
        {
            return badStart;
        }

        if (ReadInteger(query, "end_epoch_millis", out var end) is { } badEnd)
        {
            return badEnd;
        }

        if (ReadInteger(query, "limit", out var limit) is { } badLimit)
        {
            return badLimit;
        }

        var endMillis = end ?? now.ToUnixTimeMilliseconds();
        var startMillis = start ?? endMillis - (long)DefaultWindow.TotalMilliseconds;
        if (startMillis > endMillis)
        {
            return new QueryRejection(400, $"start_epoch_millis ({startMillis}) must not be after end_epoch_millis ({endMillis}).");
        }

        if ((Int128)endMillis - startMillis > (long)MaxWindow.TotalMilliseconds)
        {
            return new QueryRejection(400, "The window from start_epoch_millis to end_epoch_millis must not exceed 7 days.");
        }

        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            return new QueryRejection(400, $"limit must be between 1 and {MaxLimit}, got {pageSize}.");
        }

        var direction = Last(query, "direction");
        if (direction is not (null or "asc" or "desc"))
        {
            return new QueryRejection(400, $"direction must be 'asc' or 'desc', got '{direction}'.");
        }

        var minLevel = Last(query, "min_level");
        if (minLevel is not null && !LevelRanks.IsKnown(minLevel))
        {
            return new QueryRejection(400, $"min_level must be one of DEBUG, INFO, WARNING, ERROR, got '{minLevel}'.");
        }

        var filterRejection = ReadFilter(query, minLevel, out var filter);
        if (filterRejection is not null)
        {
            return filterRejection;
        }

        parsed = new LogsQuery(
            FromNanos(startMillis),
            ToNanos(endMillis),
            direction == "asc",
            (int)pageSize,
            filter!);
        return null;
    }

    private static QueryRejection? ReadFilter(IQueryCollection query, string? minLevel, out LineFilter? filter)
    {
        filter = null;
        var includes = Many(query, "includes");
        var excludes = Many(query, "excludes");
        if (includes.Count > MaxFilterItems)
        {
            return new QueryRejection(400, $"At most {MaxFilterItems} includes are allowed, got {includes.Count}.");
        }

        if (excludes.Count > MaxFilterItems)
        {
            return new QueryRejection(400, $"At most {MaxFilterItems} excludes are allowed, got {excludes.Count}.");
        }

        var replica = Last(query, "replica");
        var requestId = Last(query, "request_id");
        var pattern = Last(query, "search_pattern");
        foreach (var (name, value) in new[] { ("replica", replica), ("request_id", requestId), ("search_pattern", pattern), ("component", Last(query, "component")) })
        {
            if (value is { Length: > MaxTextLength })
            {
                return new QueryRejection(400, $"{name} must be at most {MaxTextLength} characters, got {value.Length}.");
            }
        }

        Regex? regex = null;
        if (!string.IsNullOrEmpty(pattern))
        {
            try
            {
                // NonBacktracking: linear time like RE2, and like RE2 it refuses backreferences and lookarounds.
                regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
            {
                return new QueryRejection(400, $"search_pattern is not a valid regular expression: {exception.Message}");
            }
        }

        filter = new LineFilter(
            minLevel is null ? null : LevelRanks.Of(minLevel),
            string.IsNullOrEmpty(replica) ? null : replica,
            string.IsNullOrEmpty(requestId) ? null : requestId,
            regex,
            includes,
            excludes);
        return null;
    }

    private static QueryRejection? ReadInteger(IQueryCollection query, string name, out long? value)
    {
        value = null;
        var text = Last(query, name);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return new QueryRejection(422, $"{name} is not an integer.", name, text);
        }

        value = number;
        return null;
    }

    // FastAPI reads the last value of a repeated scalar parameter.
    private static string? Last(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static List<string> Many(IQueryCollection query, string name)
    {
        var result = new List<string>();
        foreach (var key in new[] { name, name + "[]" })
        {
            if (query.TryGetValue(key, out StringValues values))
            {
                foreach (var value in values)
                {
                    if (value is not null)
                    {
                        result.Add(value);
                    }
                }
            }
        }

        return result;
    }

    // Millisecond bounds widened to nanoseconds: a line is in the window when its millisecond is.
    private static long FromNanos(long millis) => SaturatingMultiply(millis);

    private static long ToNanos(long millis)
    {
        var nanos = SaturatingMultiply(millis);
        return nanos > long.MaxValue - (NanosPerMilli - 1) ? long.MaxValue : nanos + (NanosPerMilli - 1);
    }

    private static long SaturatingMultiply(long millis) =>
        millis > long.MaxValue / NanosPerMilli ? long.MaxValue
        : millis < long.MinValue / NanosPerMilli ? long.MinValue
        : millis * NanosPerMilli;
}
