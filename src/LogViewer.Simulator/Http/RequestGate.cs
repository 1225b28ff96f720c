using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LogViewer.Simulator.Http;

/// <summary>
/// What stands between a request and its endpoint, in the order a real deployment has it: the gateway (outage,
/// HTML 502), authentication, the rate limit (real and injected), server errors, then slowness.
/// </summary>
internal sealed class RequestGate(string apiKey, int seed, SimulatorFaults faults, SlidingWindowLimiter limiter, TimeProvider timeProvider)
{
    private readonly Lock _randomGate = new();
    private readonly Random _random = new(seed);

    public async Task Pass(HttpContext context, RequestDelegate next)
    {
        var settings = faults.Current;
        var now = timeProvider.GetUtcNow();
        if (settings.OutageStart is { } outageStart && now >= outageStart && now < outageStart + settings.OutageDuration)
        {
            if (settings.OutageAbortsConnection)
            {
                context.Abort();
                return;
            }

            await Answers.Html(context, StatusCodes.Status503ServiceUnavailable, "Service Temporarily Unavailable").ConfigureAwait(false);
            return;
        }

        if (Roll(settings.Html502Probability))
        {
            await Answers.Html(context, StatusCodes.Status502BadGateway, "Bad Gateway").ConfigureAwait(false);
            return;
        }

        if (!Authorized(context.Request))
        {
            await Answers.Error(context, StatusCodes.Status401Unauthorized, "Invalid API key. Send 'Authorization: Bearer <key>' or 'Authorization: Api-Key <key>'.").ConfigureAwait(false);
            return;
        }

        if (context.Request.Path.Value?.EndsWith("/logs", StringComparison.Ordinal) == true && await AnswerScripted(context, faults.NextScripted(), settings.RetryAfterSeconds).ConfigureAwait(false))
        {
            return;
        }

        var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(other)";
        if (!limiter.TryAdmit(endpoint, out var retryAfter))
        {
            await Answers.RateLimited(context, retryAfter, settings.RetryAfterInHeader).ConfigureAwait(false);
            return;
        }

        if (Roll(settings.RateLimitProbability))
        {
            await Answers.RateLimited(context, settings.RetryAfterSeconds, settings.RetryAfterInHeader).ConfigureAwait(false);
            return;
        }

        if (Roll(settings.ServerErrorProbability))
        {
            var status = Roll(0.5) ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
            await Answers.Error(context, status, status == 500 ? "Internal server error" : "Service unavailable, please retry").ConfigureAwait(false);
            return;
        }

        if (settings.OversizedAnswerBytes > 0 && context.Request.Path.Value?.EndsWith("/logs", StringComparison.Ordinal) == true
            && context.Request.Query["limit"] == "1000")
        {
            await OversizedAnswer.Write(context, settings.OversizedAnswerBytes, settings.OversizedAnswerGzip).ConfigureAwait(false);
            return;
        }

        if (Roll(settings.SlowProbability))
        {
            // Wall-clock on purpose: a slow answer exists to run into the client's real HTTP timeout.
            await Task.Delay(settings.SlowDelay, context.RequestAborted).ConfigureAwait(false);
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Answers with a scripted fault; false for <see cref="ScriptedFault.None"/>, which goes on as normal.</summary>
    private static async Task<bool> AnswerScripted(HttpContext context, ScriptedFault fault, int retryAfterSeconds)
    {
        switch (fault)
        {
            case ScriptedFault.RateLimitedWithHeader or ScriptedFault.RateLimitedInBody:
                await Answers.RateLimited(context, retryAfterSeconds, inHeader: fault == ScriptedFault.RateLimitedWithHeader).ConfigureAwait(false);
                return true;
            case ScriptedFault.Html502:
                await Answers.Html(context, StatusCodes.Status502BadGateway, "Bad Gateway").ConfigureAwait(false);
                return true;
            case ScriptedFault.ServerError500:
                await Answers.Error(context, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
                return true;
            case ScriptedFault.ServerError503:
                await Answers.Error(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable, please retry").ConfigureAwait(false);
                return true;
            case ScriptedFault.ConnectionDropped:
                context.Abort();
                return true;
            default:
                return false;
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = header[..space];
        var key = header[(space + 1)..].Trim();
        var schemeAccepted = scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Api-Key", StringComparison.OrdinalIgnoreCase);
        return schemeAccepted && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(key),
            System.Text.Encoding.UTF8.GetBytes(apiKey));
    }

    private bool Roll(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        lock (_randomGate)
        {
            return _random.NextDouble() < probability;
        }
    }
}
