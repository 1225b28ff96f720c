using System.Net.Http.Headers;
using System.Net.Sockets;
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
/// </summary>
public sealed partial class BasetenLogApiClient : ILogApi
{
    private readonly HttpClient _http;
    private readonly ApiCredential _credential;
    private readonly Uri _baseAddress;
    private readonly ApiFailureTranslator _failures;

    public BasetenLogApiClient(HttpClient http, ApiCredential credential, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credential);
        _http = http;
        _credential = credential;
        _baseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress (the API root).", nameof(http));
        _failures = new ApiFailureTranslator(credential, timeProvider ?? TimeProvider.System);
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

        var body = await SendAsync(LogRequestUri.ForLogs(_baseAddress, target, query), target, cancellationToken).ConfigureAwait(false);
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
        var body = await SendAsync(LogRequestUri.ForTrainingJob(_baseAddress, target), target, cancellationToken).ConfigureAwait(false);
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
            ? new TrainingJobInfo(job.Id ?? target.JobId, job.Name, status, job.ErrorMessage) { UpdatedAt = job.UpdatedAt }
            : throw new LogApiException(ApiFailureKind.InvalidResponse, "The training job answer has no training_job.current_status.", 200);
    }

    private async Task<byte[]> SendAsync(Uri uri, LogTarget? target, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credential.Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            // Default completion (content read): the client's Timeout then covers a slow body as well as slow headers.
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            throw _failures.FromAnswer(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body, target);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LogApiException(
                ApiFailureKind.Timeout,
                $"The API at {_baseAddress.Authority} did not answer within {_http.Timeout.TotalSeconds:0.#} s.",
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
