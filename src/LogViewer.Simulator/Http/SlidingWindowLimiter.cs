namespace LogViewer.Simulator.Http;

/// <summary>
/// At most N requests in any one-second window per endpoint, on the server's clock. Only admitted requests count,
/// so a client that backs off after a 429 gets through again a second after its burst.
/// </summary>
internal sealed class SlidingWindowLimiter(int perSecond, TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _admitted = new(StringComparer.Ordinal);

    /// <summary>Admits the request, or says how many whole seconds until a slot frees.</summary>
    public bool TryAdmit(string endpoint, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (perSecond <= 0)
        {
            return true;
        }

        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_admitted.TryGetValue(endpoint, out var times))
            {
                times = new Queue<DateTimeOffset>();
                _admitted[endpoint] = times;
            }

            while (times.TryPeek(out var oldest) && oldest <= now - Window)
            {
                times.Dequeue();
            }

            if (times.Count >= perSecond)
            {
                var wait = times.Peek() + Window - now;
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }
}
