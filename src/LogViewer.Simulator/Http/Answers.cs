using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>Writes the server's answers: JSON bodies as the API sends them, and a gateway's HTML pages.</summary>
internal static class Answers
{
    public const string RateLimitMessage = "Rate limit exceeded. Please try again later.";

    public static Task Json<T>(HttpContext context, int status, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, typeInfo, contentType: "application/json", context.RequestAborted);
    }

    public static Task Error(HttpContext context, int status, string message) =>
        Json(context, status, new ErrorBody(message), SimulatorJsonContext.Default.ErrorBody);

    public static Task RateLimited(HttpContext context, int retryAfterSeconds, bool inHeader)
    {
        if (inHeader)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Json(context, StatusCodes.Status429TooManyRequests, new RateLimitBody(RateLimitMessage, retryAfterSeconds), SimulatorJsonContext.Default.RateLimitBody);
    }

    public static Task Unprocessable(HttpContext context, string parameter, string input) =>
        Json(
            context,
            StatusCodes.Status422UnprocessableEntity,
            new ValidationBody([new ValidationDetail(["query", parameter], "Input should be a valid integer, unable to parse string as an integer", "int_parsing", input)]),
            SimulatorJsonContext.Default.ValidationBody);

    public static Task Html(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync($"<html><body><h1>{status} {title}</h1></body></html>", context.RequestAborted);
    }
}
