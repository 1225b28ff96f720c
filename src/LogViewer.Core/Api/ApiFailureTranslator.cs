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
        var (wait, unreadable) = FromHeader(headers) is { } header ? header : FromBody(error);
        var advice = (wait, unreadable) switch
        {
            ({ } w, _) => $"; retry after {w.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
            (null, { } text) => $"; its {text} is not a wait, so backing off",
            _ => string.Empty,
        };
        return new LogApiException(ApiFailureKind.RateLimited, Scrub($"Rate limited by the API (HTTP 429{suffix}){advice}."), 429, wait);
    }

    // The header wins over the body when it holds a wait. Null when there is no header at all.
    private (TimeSpan? Wait, string? Unreadable)? FromHeader(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Retry-After", out var raw))
        {
            return null;
        }

        // An unparsable value is kept by HttpClient as invalid, so the typed header is then null rather than a throw.
        var header = headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return (AtMost(delta), null);
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return (wait > TimeSpan.Zero ? AtMost(wait) : TimeSpan.Zero, null);
        }

        return (null, $"Retry-After \"{OneLine(string.Join(",", raw), 40)}\"");
    }

    private static (TimeSpan? Wait, string? Unreadable) FromBody(ApiErrorBody? error)
    {
        if (error is null || error.RetryAfter.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return (null, null);
        }

        var value = error.RetryAfter;
        var seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(seconds) && seconds >= 0
            ? (TimeSpan.FromSeconds(Math.Min(seconds, LongestRepresentedWait.TotalSeconds)), null)
            : (null, $"retry_after {OneLine(value.GetRawText(), 40)}");
    }

    // Any wait the server asks for is kept as said up to this (the retry policy cuts it far shorter); beyond it
    // TimeSpan arithmetic could overflow, and a server asking for a century has said "never" anyway.
    private static readonly TimeSpan LongestRepresentedWait = TimeSpan.FromDays(36500);

    private static TimeSpan AtMost(TimeSpan wait) => wait > LongestRepresentedWait ? LongestRepresentedWait : wait;

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

        return OneLine(text, MaxServerMessageLength);
    }

    // One line, bounded: a server message must not break the "one clear line" rule.
    private static string OneLine(string text, int maxLength)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= maxLength ? oneLine : string.Concat(oneLine.AsSpan(0, maxLength), "...");
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
