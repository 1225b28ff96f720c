namespace LogViewer.Core.Api;

/// <summary>What went wrong with an API call. The tail engine decides from this whether to wait, retry or stop.</summary>
public enum ApiFailureKind
{
    /// <summary>401/403: the key was rejected. Fatal.</summary>
    Unauthorized,

    /// <summary>404: a model, deployment, project or job id does not exist. Fatal.</summary>
    NotFound,

    /// <summary>400/422, or a query refused before sending: the request itself is wrong. Fatal.</summary>
    BadRequest,

    /// <summary>429: wait <see cref="LogApiException.RetryAfter"/>, then go on.</summary>
    RateLimited,

    /// <summary>5xx with a JSON body. Transient.</summary>
    ServerError,

    /// <summary>The server did not answer in time. Transient.</summary>
    Timeout,

    /// <summary>No connection (refused, reset, DNS). Transient.</summary>
    Network,

    /// <summary>An answer that is not the expected JSON, such as a gateway's HTML 502 page. Transient.</summary>
    InvalidResponse,

    /// <summary>
    /// An answer longer than the client's cap (<see cref="BasetenLogApiClient.MaxAnswerBytes"/>), abandoned unread.
    /// Transient: the tail asks again for fewer entries.
    /// </summary>
    AnswerTooLarge,

    /// <summary>A redirect to another origin: not followed, since the key must not go there. Fatal.</summary>
    Redirected,

    /// <summary>The TLS handshake failed on the certificate or protocol: a wrong URL or an intercepting proxy. Fatal.</summary>
    TlsFailed,
}
