using LogViewer.Core.Api;

namespace LogViewer.Core.Tail;

/// <summary>
/// The <c>limit</c> every log request sends: 1000 (the API's largest), cut tenfold each time an answer is over the
/// client's size cap, down to one entry, and doubled back after each answer that fits. A server that once sent an
/// enormous page is asked for less, not given up on; one that recovers gets full pages again within a few polls.
/// The engine's loop is sequential, so the limit a page was read with is <see cref="Current"/> when it returns.
/// </summary>
internal sealed class PageLimit
{
    public const int Largest = LogQuery.MaxLimit;

    public int Current { get; private set; } = Largest;

    /// <summary>Cuts the limit for the next try; false when it is already one entry.</summary>
    public bool TryShrink()
    {
        if (Current == 1)
        {
            return false;
        }

        Current = Math.Max(1, Current / 10);
        return true;
    }

    public void Grow() => Current = Math.Min(Largest, Current * 2);

    /// <summary>
    /// One try of <paramref name="query"/> with the current limit. An answer over the client's size cap cuts the
    /// limit and is thrown again with no wait, so the retry asks at once for fewer entries; at one entry it stays a
    /// transient failure that backs off as any other.
    /// </summary>
    public async Task<LogPage> TryAsync(Func<LogQuery, CancellationToken, Task<LogPage>> request, LogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return await request(query with { Limit = Current }, cancellationToken).ConfigureAwait(false);
        }
        catch (LogApiException tooLarge) when (tooLarge.Kind == ApiFailureKind.AnswerTooLarge && TryShrink())
        {
            throw new LogApiException(
                ApiFailureKind.AnswerTooLarge,
                $"{tooLarge.Message.TrimEnd('.')}; asking again for at most {Current} entries",
                tooLarge.StatusCode,
                TimeSpan.Zero,
                tooLarge);
        }
    }

    /// <summary>
    /// The limit the answer just read was asked with (the fetch may have cut it while retrying), growing it for
    /// the next page: a page is full when it holds this many entries.
    /// </summary>
    public int UsedThenGrow()
    {
        var used = Current;
        Grow();
        return used;
    }
}
