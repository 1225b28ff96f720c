namespace LogViewer.Core.Api;

/// <summary>
/// A typed failure of the log API. <see cref="Exception.Message"/> is written for the user: one clear line that
/// names what was wrong and what to do, and never contains the API key.
/// </summary>
public sealed class LogApiException : Exception
{
    public LogApiException(ApiFailureKind kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public LogApiException()
        : this(ApiFailureKind.Network, "The log API call failed.")
    {
    }

    public LogApiException(string message)
        : this(ApiFailureKind.Network, message)
    {
    }

    public LogApiException(string message, Exception innerException)
        : this(ApiFailureKind.Network, message, innerException: innerException)
    {
    }

    public ApiFailureKind Kind { get; }

    /// <summary>The HTTP status, when there was an answer.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// For <see cref="ApiFailureKind.RateLimited"/>: how long the server asked us to wait, when it said. For
    /// <see cref="ApiFailureKind.AnswerTooLarge"/>: zero when the next try asks for fewer entries.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth retrying after a wait: rate limits, server errors, time-outs, network failures, bad bodies.</summary>
    public bool IsTransient => Kind is ApiFailureKind.RateLimited or ApiFailureKind.ServerError or ApiFailureKind.Timeout
        or ApiFailureKind.Network or ApiFailureKind.InvalidResponse or ApiFailureKind.AnswerTooLarge;
}
