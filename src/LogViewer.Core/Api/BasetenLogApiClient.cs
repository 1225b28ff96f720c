using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;

namespace LogViewer.Core.Api;

/// <summary>
/// <see cref="ILogApi"/> over HTTP: Baseten's deployment-log, training-job-log and training-job endpoints, as a
/// typed <see cref="HttpClient"/> (its <see cref="HttpClient.BaseAddress"/> is the API root, its
/// <see cref="HttpClient.Timeout"/> the per-request time limit). Queries are validated before anything is sent,
/// the key goes out as <c>Authorization: Bearer</c>, and every failure is a <see cref="LogApiException"/> with a
/// one-line message that never contains the key. Cancelling the caller's token surfaces as
/// <see cref="OperationCanceledException"/>; the client's own timeout as <see cref="ApiFailureKind.Timeout"/>.
/// No answer is read past <see cref="MaxAnswerBytes"/>, and the key only ever goes to the API root's origin:
/// a redirect elsewhere is reported, not followed.
/// </summary>
public sealed partial class BasetenLogApiClient : ILogApi
{
    /// <summary>
    /// The largest answer read (after decompression): 64 MB, some 30 times a page of 1000 entries of the longest
    /// messages Baseten returns. A longer answer (a broken or hostile server, a gzip bomb) is abandoned at the cap.
    /// </summary>
    public const long MaxAnswerBytes = 64L << 20;

    // An error answer only needs its first words; the rest of a huge error page is not read.
    private const long MaxErrorBodyBytes = 1L << 20;

    // Same-origin redirects (a trailing slash, a moved path) are followed with the key, this many at most.
    private const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly ApiCredential _credential;
    private readonly Uri _baseAddress;
    private readonly ApiFailureTranslator _failures;
    private readonly long _maxAnswerBytes;

    public BasetenLogApiClient(HttpClient http, ApiCredential credential, TimeProvider? timeProvider = null)
        : this(http, credential, timeProvider, MaxAnswerBytes)
    {
    }

    // maxAnswerBytes: tests use a small cap so that an over-long answer costs them megabytes, not hundreds.
    internal BasetenLogApiClient(HttpClient http, ApiCredential credential, TimeProvider? timeProvider, long maxAnswerBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credential);
        _http = http;
        _credential = credential;
        _baseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress (the API root).", nameof(http));
        _failures = new ApiFailureTranslator(credential, timeProvider ?? TimeProvider.System);
        _maxAnswerBytes = maxAnswerBytes;
    }

    /// <inheritdoc />
    public async Task<LogPage> GetLogsAsync(LogTarget target, LogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(query);
        var problems = query.Validate(target);
        if (problems.Count > 0)
        {
            throw new LogApiException(ApiFailureKind.BadRequest, "The query was not sent: " + string.Join(" ", problems));
        }

        var body = await SendAsync(LogRequestUri.ForLogs(_baseAddress, target, query), target, query.Limit, cancellationToken).ConfigureAwait(false);
        try
        {
            return LogPageParser.Parse(body);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex, body);
        }
    }

    /// <inheritdoc />
    public async Task<TrainingJobInfo> GetTrainingJobAsync(TrainingJobTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var body = await SendAsync(LogRequestUri.ForTrainingJob(_baseAddress, target), target, limit: null, cancellationToken).ConfigureAwait(false);
        TrainingJobResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(body, ApiJsonContext.Default.TrainingJobResponse);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex, body);
        }

        var job = response?.TrainingJob;
        return job?.CurrentStatus is { } status
            ? new TrainingJobInfo(job.Id ?? target.JobId, job.Name, status, job.ErrorMessage) { UpdatedAt = job.UpdatedAt, CreatedAt = job.CreatedAt }
            : throw new LogApiException(ApiFailureKind.InvalidResponse, "The training job answer has no training_job.current_status.", 200);
    }

    private async Task<byte[]> SendAsync(Uri uri, LogTarget? target, int? limit, CancellationToken cancellationToken)
    {
        // Headers only, then a bounded read of the body; the client's Timeout covers the body as well as the headers.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_http.Timeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credential.Key);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

                // An HttpClient that follows redirects itself has already dropped the key on the way: say so rather
                // than report the other host's 401 as a rejected key.
                if (response.RequestMessage?.RequestUri is { } answeredBy && !SameOrigin(answeredBy, uri))
                {
                    throw RedirectedAway(answeredBy);
                }

                var code = (int)response.StatusCode;
                if (code is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (!SameOrigin(next, _baseAddress))
                    {
                        throw RedirectedAway(next);
                    }

                    if (redirects < MaxRedirects)
                    {
                        uri = next;
                        continue;
                    }
                }

                if (response.IsSuccessStatusCode)
                {
                    return await BoundedBody.ReadAsync(response.Content, _maxAnswerBytes, timeout.Token).ConfigureAwait(false)
                        ?? throw TooLarge(limit);
                }

                var body = await BoundedBody.ReadAsync(response.Content, MaxErrorBodyBytes, timeout.Token).ConfigureAwait(false) ?? [];
                throw _failures.FromAnswer(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body, target);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LogApiException(
                ApiFailureKind.Timeout,
                $"The API at {_baseAddress.Authority} did not answer within {_http.Timeout.TotalSeconds:0.#} s.",
                innerException: ex);
        }
        // A certificate or protocol refusal will not pass by retrying; a connection cut mid-handshake (an IOException
        // inside) is an ordinary network failure.
        catch (HttpRequestException ex) when (Innermost<AuthenticationException>(ex) is { InnerException: not IOException } tls)
        {
            throw new LogApiException(
                ApiFailureKind.TlsFailed,
                _failures.Scrub($"The TLS handshake with {_baseAddress.Authority} failed: {tls.Message.TrimEnd('.')}. Check the URL (--api-url) and any proxy in between."),
                innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LogApiException(ApiFailureKind.Network, _failures.Scrub($"Could not reach the API at {_baseAddress.Authority}: {Reason(ex)}"), innerException: ex);
        }
        catch (IOException ex)
        {
            throw new LogApiException(ApiFailureKind.Network, _failures.Scrub($"The connection to {_baseAddress.Authority} broke: {ex.Message}"), innerException: ex);
        }
    }

    private LogApiException TooLarge(int? limit)
    {
        var megabytes = (_maxAnswerBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
        var what = limit is { } n ? $" to a request for at most {n} {(n == 1 ? "entry" : "entries")}" : string.Empty;
        return new LogApiException(ApiFailureKind.AnswerTooLarge, $"The API answered with more than {megabytes} MB{what}; the answer was abandoned at the cap.", 200);
    }

    private LogApiException RedirectedAway(Uri to) => new(
        ApiFailureKind.Redirected,
        _failures.Scrub($"The API at {_baseAddress.Authority} redirected the request to {to.Authority}; the key is not sent to another host, so it was not followed. "
            + $"If {to.Authority} is the API, pass it with --api-url {to.GetLeftPart(UriPartial.Authority)}."));

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static T? Innermost<T>(Exception ex)
        where T : Exception
    {
        T? found = null;
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            found = e as T ?? found;
        }

        return found;
    }

    private static LogApiException InvalidJson(JsonException ex, byte[] body) => ApiFailureTranslator.LooksLikeHtml(null, body)
        ? ApiFailureTranslator.NotJson(200, null, body)
        : new(ApiFailureKind.InvalidResponse, "The API answered 200 with a body that is not the expected JSON.", 200, innerException: ex);

    private static string Reason(HttpRequestException ex) => ex.InnerException switch
    {
        SocketException socket => socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused (is the server running and the URL right?).",
            SocketError.HostNotFound or SocketError.NoData => "host not found (check the URL and your DNS).",
            SocketError.TimedOut => "the connection timed out.",
            _ => socket.Message + ".",
        },
        _ when ex.HttpRequestError == HttpRequestError.NameResolutionError => "host not found (check the URL and your DNS).",
        _ when ex.HttpRequestError == HttpRequestError.ConnectionError => "could not connect (connection refused or unreachable).",
        _ => ex.Message,
    };
}
