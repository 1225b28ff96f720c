using Microsoft.AspNetCore.Http;

namespace LogViewer.Simulator.Http;

/// <summary>Every request the server received, in arrival order, without the API key.</summary>
internal sealed class RequestJournal(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<(long Arrival, RecordedRequest Request)> _requests = [];
    private long _arrivals;

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.Select(entry => entry.Request).ToArray();
        }
    }

    public async Task Record(HttpContext context, RequestDelegate next)
    {
        var at = timeProvider.GetUtcNow();
        var arrival = Interlocked.Increment(ref _arrivals);
        var recorded = 0;
        // Recorded as the response starts, so a client that has its answer always finds the request journalled.
        context.Response.OnStarting(() =>
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                Add(context, arrival, at, context.Response.StatusCode);
            }

            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            // No response started: the connection was dropped (status 0) or the answer is empty.
            if (!context.Response.HasStarted && Interlocked.Exchange(ref recorded, 1) == 0)
            {
                Add(context, arrival, at, context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode);
            }
        }
    }

    private void Add(HttpContext context, long arrival, DateTimeOffset at, int statusCode)
    {
        var request = context.Request;
        var query = request.Query.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)pair.Value.Select(value => value ?? string.Empty).ToArray(),
            StringComparer.Ordinal);
        var entry = new RecordedRequest(
            at,
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value is { Length: > 0 } raw ? raw[1..] : string.Empty,
            query,
            AuthScheme(request),
            statusCode);
        lock (_gate)
        {
            // Answers can start out of arrival order; the journal keeps arrival order.
            var index = _requests.Count;
            while (index > 0 && _requests[index - 1].Arrival > arrival)
            {
                index--;
            }

            _requests.Insert(index, (arrival, entry));
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
