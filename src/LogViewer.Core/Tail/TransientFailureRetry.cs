using LogViewer.Core.Api;
using Polly;
using Polly.Retry;

namespace LogViewer.Core.Tail;

/// <summary>
/// The Polly pipeline every API call of the engine goes through. Transient failures are retried without limit:
/// a 429 waits what the server asked (<see cref="LogApiException.RetryAfter"/>) up to <see cref="ServerWaitCeiling"/>,
/// anything else transient waits an
/// exponentially growing, jittered delay starting at <see cref="FirstDelay"/> and capped at the tail's MaxBackoff.
/// Each call starts from the first delay again, so a success resets the backoff. Non-transient failures
/// (401/403, 404, 400) pass straight through: they are fatal.
/// Polly's waits use a <see cref="TimeProvider"/> over the engine's scheduler, so they run on virtual time in tests.
/// </summary>
internal static class TransientFailureRetry
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a server's Retry-After (or retry_after) is honoured. Baseten's limiter asks for seconds; a
    /// gateway asking for a day (or for 2099) would freeze a live tail, so the wait is cut to this and the status
    /// says both what was asked and what is done. A minute is far longer than any rate-limit window we know of,
    /// yet short enough that a viewer left open catches up by itself.
    /// </summary>
    public static readonly TimeSpan ServerWaitCeiling = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline Build(TimeSpan maxBackoff, TimeProvider schedulerTime, Func<double>? randomizer, Action<RetryNotice> onRetry)
    {
        var options = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<LogApiException>(e => e.IsTransient),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = FirstDelay,
            MaxDelay = maxBackoff,
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is LogApiException { Kind: ApiFailureKind.RateLimited or ApiFailureKind.AnswerTooLarge, RetryAfter: { } retryAfter }
                    ? Capped(retryAfter)
                    : (TimeSpan?)null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is LogApiException failure)
                {
                    onRetry(new RetryNotice(failure, args.RetryDelay, args.AttemptNumber + 1));
                }

                return ValueTask.CompletedTask;
            },
        };
        if (randomizer is not null)
        {
            options.Randomizer = randomizer;
        }

        return new ResiliencePipelineBuilder { TimeProvider = schedulerTime }.AddRetry(options).Build();
    }

    private static TimeSpan Capped(TimeSpan asked) => asked > ServerWaitCeiling ? ServerWaitCeiling : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
}
