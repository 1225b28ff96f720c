using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// Turns an unsuccessful HTTP answer into a <see cref="LogApiException"/> whose message is one line for the user:
/// what happened, the server's own words when it gave any, and what to do. The key itself never appears; anything
/// the server echoes back is scrubbed of it too.
/// </summary>
internal sealed class ApiFailureTranslator(ApiCredential credential, TimeProvider timeProvider)
{
    private const int MaxServerMessageLength = 300;

    public LogApiException FromAnswer(HttpStatusCode status, HttpResponseHeaders headers, string? mediaType, byte[] body, LogTarget? target)
    {
        var code = (int)status;
        var error = TryReadErrorBody(mediaType, body);
        var serverMessage = error is null ? null : ServerMessage(error);
        var suffix = serverMessage is null ? string.Empty : $": {serverMessage}";
        return code switch
        {
            401 or 403 => new LogApiException(
                ApiFailureKind.Unauthorized,
                Scrub($"The API key was rejected (HTTP {code}{suffix}). The key used was {credential.Masked}. "
                    + "Set a valid key with BASETEN_API_KEY, --api-key-file PATH, or api_key in ~/.trussrc."),
                code),
            404 => new LogApiException(ApiFailureKind.NotFound, Scrub($"Not found (HTTP 404{suffix}): {DescribeIds(target)}. Check the ids."), code),
            400 or 422 => new LogApiException(
                ApiFailureKind.BadRequest,
                Scrub($"The API refused the query (HTTP {code}){(serverMessage is null ? "." : suffix)}"),
                code),
            429 => RateLimited(headers, error, suffix),
            _ when error is null && body.Length > 0 => NotJson(code, mediaType, body),
            >= 500 => new LogApiException(ApiFailureKind.ServerError, Scrub($"Server error from the API (HTTP {code}{suffix})."), code),
            _ => new LogApiException(ApiFailureKind.InvalidResponse, Scrub($"The API answered with unexpected HTTP {code}{suffix}."), code),
        };
    }

    public static LogApiException NotJson(int code, string? mediaType, ReadOnlySpan<byte> body)
    {
        var what = LooksLikeHtml(mediaType, body) ? "an HTML page" : "a body";
        return new LogApiException(
            ApiFailureKind.InvalidResponse,
            $"The server answered {code} with {what}, not JSON (often a gateway or proxy in front of the API); it will be retried.",
            code);
    }

    public string Scrub(string message) =>
        credential.Key.Length == 0 ? message : message.Replace(credential.Key, credential.MaskedKey, StringComparison.Ordinal);

    private LogApiException RateLimited(HttpResponseHeaders headers, ApiErrorBody? error, string suffix)
    {
        var wait = FromHeader(headers.RetryAfter) ?? FromBody(error);
        var advice = wait is { } w ? $"; retry after {w.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : string.Empty;
        return new LogApiException(ApiFailureKind.RateLimited, Scrub($"Rate limited by the API (HTTP 429{suffix}){advice}."), 429, wait);
    }

    private TimeSpan? FromHeader(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan? FromBody(ApiErrorBody? error)
    {
        if (error is null)
        {
            return null;
        }

        var value = error.RetryAfter;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
        {
            return TimeSpan.FromSeconds(parsed);
        }

        return null;
    }

    private static ApiErrorBody? TryReadErrorBody(string? mediaType, byte[] body)
    {
        if (body.Length == 0 || LooksLikeHtml(mediaType, body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ApiJsonContext.Default.ApiErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ServerMessage(ApiErrorBody error)
    {
        var text = TextOf(error.Error) ?? TextOf(error.Detail) ?? TextOf(error.Message);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // One line, bounded: a server message must not break the "one clear line" rule.
        var oneLine = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxServerMessageLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxServerMessageLength), "...");
    }

    private static string? TextOf(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Array:
                var parts = new List<string>();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String)
                    {
                        var location = item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
                            ? string.Join('.', loc.EnumerateArray().Select(l => l.ToString())) + ": "
                            : string.Empty;
                        parts.Add(location + msg.GetString());
                    }
                    else if (item.ValueKind == JsonValueKind.String)
                    {
                        parts.Add(item.GetString()!);
                    }
                }

                return parts.Count == 0 ? null : string.Join("; ", parts);
            case JsonValueKind.Object:
                return element.TryGetProperty("message", out var nested) ? TextOf(nested) : null;
            default:
                return null;
        }
    }

    private static string DescribeIds(LogTarget? target) => target is null
        ? "the requested resource"
        : string.Join(", ", target.Ids.Select(id => $"{id.Name} \"{id.Value}\""));

    internal static bool LooksLikeHtml(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var start = body.TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
