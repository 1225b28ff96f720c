using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>Every request the server received, in arrival order, without the API key.</summary>
internal sealed class RequestJournal(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public async Task Record(HttpContext context, RequestDelegate next)
    {
        var at = timeProvider.GetUtcNow();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var request = context.Request;
            var query = request.Query.ToDictionary(
                pair => pair.Key,
                pair => (IReadOnlyList<string>)pair.Value.Select(value => value ?? string.Empty).ToArray(),
                StringComparer.Ordinal);
            var recorded = new RecordedRequest(
                at,
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value is { Length: > 0 } raw ? raw[1..] : string.Empty,
                query,
                AuthScheme(request),
                context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 0 : context.Response.StatusCode);
            lock (_gate)
            {
                _requests.Add(recorded);
            }
        }
    }

    private static string? AuthScheme(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        // A header without a space is all key (or garbage): record nothing of it.
        return space > 0 ? header[..space] : "(none)";
    }
}
