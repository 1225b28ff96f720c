using System.Net;
using System.Net.Sockets;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using Microsoft.AspNetCore.Http;

namespace LogViewer.Core.Tests.Api;

public sealed class BasetenLogApiClientTests : IAsyncLifetime
{
    private const string Key = "sk_live_secret_a1b2c3d4";
    private static readonly ApiCredential Credential = new(Key, "BASETEN_API_KEY");
    private static readonly DeploymentTarget Deployment = new("mdl 1", "dep#2");
    private static readonly TrainingJobTarget Job = new("proj1", "job1");
    private CannedApiServer _server = null!;

    public async Task InitializeAsync() => _server = await CannedApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BasetenLogApiClient Client(TimeSpan? timeout = null) =>
        new(new HttpClient { BaseAddress = _server.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) }, Credential);

    [Fact]
    public async Task Every_Deployment_Parameter_Arrives_Url_Encoded_With_Arrays_Repeated()
    {
        // Given a query using every parameter, with values that break naive encoding
        var query = new LogQuery
        {
            StartEpochMillis = 1_700_000_000_000,
            EndEpochMillis = 1_700_000_060_000,
            Direction = SortDirection.Ascending,
            Limit = 1000,
            MinLevel = LogLevel.Warning,
            Replica = "ab 12&c",
            RequestId = "req#1+2",
            SearchPattern = "a+b (x|y) ü/日本",
            Includes = ["one two", "a&b=c", "#hash"],
            Excludes = ["+plus", "émoji 🎉"],
        };

        // When it is sent
        await Client().GetLogsAsync(Deployment, query, CancellationToken.None);

        // Then the server decodes exactly the same values, arrays as repeated parameters
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/models/mdl 1/deployments/dep#2/logs", request.Path);
        Assert.Equal(["1700000000000"], request.Query["start_epoch_millis"]);
        Assert.Equal(["1700000060000"], request.Query["end_epoch_millis"]);
        Assert.Equal(["asc"], request.Query["direction"]);
        Assert.Equal(["1000"], request.Query["limit"]);
        Assert.Equal(["WARNING"], request.Query["min_level"]);
        Assert.Equal(["ab 12&c"], request.Query["replica"]);
        Assert.Equal(["req#1+2"], request.Query["request_id"]);
        Assert.Equal(["a+b (x|y) ü/日本"], request.Query["search_pattern"]);
        Assert.Equal(["one two", "a&b=c", "#hash"], request.Query["includes"]);
        Assert.Equal(["+plus", "émoji 🎉"], request.Query["excludes"]);
        Assert.Contains("includes=one%20two&includes=a%26b%3Dc&includes=%23hash", request.RawQuery);
        Assert.Contains("request_id=req%231%2B2", request.RawQuery);
        Assert.Contains("%C3%BC", request.RawQuery);
        Assert.Equal($"Bearer {Key}", request.Authorization);
    }

    [Fact]
    public async Task Training_Job_Logs_Use_Its_Path_And_Descending_Direction()
    {
        // Given a training-job query
        var query = new LogQuery { Direction = SortDirection.Descending, Limit = 5, MinLevel = LogLevel.Debug };

        // When it is sent
        await Client().GetLogsAsync(Job, query, CancellationToken.None);

        // Then it reaches the training job endpoint with only what was set
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/training_projects/proj1/jobs/job1/logs", request.Path);
        Assert.Equal("?direction=desc&limit=5&min_level=DEBUG", request.RawQuery);
    }

    [Fact]
    public async Task Entries_Are_Parsed_And_Malformed_Ones_Counted_Without_Spoiling_The_Page()
    {
        // Given a page mixing good entries, unknown fields and levels, and bad timestamps
        _server.Answer = CannedApiServer.Json(200, """
            {"logs": [
              {"timestamp": "1763844181123456789", "message": "first", "replica": "ab12c", "request_id": null, "level": "INFO", "extra": {"x": [1]}},
              {"timestamp": "not-a-number", "message": "bad", "replica": null, "level": "INFO"},
              {"message": "no timestamp", "replica": null},
              {"timestamp": "1763844181123456790", "message": "second", "replica": null, "request_id": "r1", "level": "TRACE"},
              {"timestamp": "12.5", "message": "fraction", "replica": null},
              {"timestamp": "1763844181123456791", "message": "third", "replica": "zz9", "level": null}
            ], "next": null}
            """);

        // When the page is read
        var page = await Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None);

        // Then three entries survive, in order, and three are counted as malformed
        Assert.Equal(3, page.SkippedMalformed);
        Assert.Equal(
            [
                new LogEntry(1763844181123456789, "first", "ab12c", null, LogLevel.Info),
                new LogEntry(1763844181123456790, "second", null, "r1", LogLevel.None),
                new LogEntry(1763844181123456791, "third", "zz9", null, LogLevel.None),
            ],
            page.Entries);
    }

    [Fact]
    public async Task Invalid_Query_Is_Refused_Before_Sending_With_Every_Problem()
    {
        // Given a query breaking three rules at once
        var query = new LogQuery { Limit = 0, StartEpochMillis = 10, EndEpochMillis = 5, Includes = [.. Enumerable.Repeat("x", 9)] };

        // When it is sent
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, query, CancellationToken.None));

        // Then nothing reached the server and the message lists all three
        Assert.Equal(ApiFailureKind.BadRequest, ex.Kind);
        Assert.Empty(_server.Requests);
        Assert.Contains("limit must be between 1 and 1000", ex.Message);
        Assert.Contains("is after the end", ex.Message);
        Assert.Contains("at most 8 include terms", ex.Message);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Rejected_Key_Says_Where_It_Came_From_And_How_To_Set_One(int status)
    {
        // Given a server rejecting the key (and echoing it back, as a careless server might)
        _server.Answer = CannedApiServer.Json(status, $$"""{"error": "invalid key {{Key}}"}""");

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the failure is Unauthorized, names the source and the remedies, and never shows the key
        Assert.Equal(ApiFailureKind.Unauthorized, ex.Kind);
        Assert.Equal(status, ex.StatusCode);
        Assert.Contains("****c3d4 (from BASETEN_API_KEY)", ex.Message);
        Assert.Contains("BASETEN_API_KEY", ex.Message);
        Assert.Contains("--api-key-file", ex.Message);
        Assert.Contains("~/.trussrc", ex.Message);
        Assert.DoesNotContain(Key, ex.ToString());
    }

    [Fact]
    public async Task Not_Found_Names_The_Ids()
    {
        // Given a server that knows no such deployment
        _server.Answer = CannedApiServer.Json(404, """{"error": "Deployment not found"}""");

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the message names both ids
        Assert.Equal(ApiFailureKind.NotFound, ex.Kind);
        Assert.Contains("model \"mdl 1\"", ex.Message);
        Assert.Contains("deployment \"dep#2\"", ex.Message);
        Assert.Contains("Deployment not found", ex.Message);
    }

    [Theory]
    [InlineData(400, """{"error": "window exceeds 7 days"}""", "window exceeds 7 days")]
    [InlineData(400, """{"detail": "bad limit"}""", "bad limit")]
    [InlineData(422, """{"detail": [{"loc": ["query", "limit"], "msg": "must be <= 1000"}, {"msg": "second"}]}""", "query.limit: must be <= 1000; second")]
    [InlineData(400, """{"message": "plain message"}""", "plain message")]
    public async Task Bad_Request_Carries_The_Servers_Message(int status, string body, string expected)
    {
        // Given a server refusing the query
        _server.Answer = CannedApiServer.Json(status, body);

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the failure carries the server's words
        Assert.Equal(ApiFailureKind.BadRequest, ex.Kind);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task Rate_Limit_Wait_Comes_From_The_Retry_After_Header_In_Seconds()
    {
        // Given a 429 with a Retry-After header and a different body value
        _server.Answer = CannedApiServer.Json(429, """{"error": "Rate limit exceeded.", "retry_after": 37}""", r => r.Headers.RetryAfter = "5");

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the header wins
        Assert.Equal(ApiFailureKind.RateLimited, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.RetryAfter);
    }

    [Fact]
    public async Task Rate_Limit_Wait_Comes_From_The_Retry_After_Header_As_A_Date()
    {
        // Given a 429 whose Retry-After is an HTTP date 40 s after the client's clock
        var now = new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero);
        _server.Answer = CannedApiServer.Json(429, "{}", r => r.Headers.RetryAfter = now.AddSeconds(40).ToString("R"));
        var client = new BasetenLogApiClient(new HttpClient { BaseAddress = _server.BaseAddress }, Credential, new FixedClock(now));

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => client.GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the wait is the distance to that date
        Assert.Equal(TimeSpan.FromSeconds(40), ex.RetryAfter);
    }

    [Fact]
    public async Task Rate_Limit_Wait_Comes_From_The_Body_Without_A_Header()
    {
        // Given a 429 like Baseten's documented one, without a header
        _server.Answer = CannedApiServer.Json(429, """{"error": "Rate limit exceeded. Please try again later.", "retry_after": 37}""");

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then the body's retry_after is used and said
        Assert.Equal(TimeSpan.FromSeconds(37), ex.RetryAfter);
        Assert.Contains("retry after 37 s", ex.Message);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Server_Error_With_Json_Is_A_Transient_Server_Error()
    {
        // Given a 500 with a JSON message
        _server.Answer = CannedApiServer.Json(500, """{"error": "internal hiccup"}""");

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it is a server error with the message
        Assert.Equal(ApiFailureKind.ServerError, ex.Kind);
        Assert.Equal(500, ex.StatusCode);
        Assert.Contains("internal hiccup", ex.Message);
    }

    [Fact]
    public async Task Gateway_Html_Page_Is_Reported_Without_Being_Dumped()
    {
        // Given a gateway answering 502 with an HTML page
        _server.Answer = async context =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>");
        };

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it is an invalid response that says so in one line, without the page
        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("answered 502 with an HTML page, not JSON", ex.Message);
        Assert.DoesNotContain("<html", ex.Message);
        Assert.DoesNotContain("nginx", ex.Message);
    }

    [Fact]
    public async Task Slow_Server_Is_A_Timeout_Not_A_Cancellation()
    {
        // Given a server slower than the client's time limit
        _server.Answer = async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);

        // When logs are requested with a 300 ms limit
        var ex = await Assert.ThrowsAsync<LogApiException>(
            () => Client(TimeSpan.FromMilliseconds(300)).GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it is a timeout
        Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Caller_Cancellation_Propagates_As_OperationCanceled()
    {
        // Given a slow server and a caller who gives up
        _server.Answer = async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // When logs are requested
        var ex = await Record.ExceptionAsync(() => Client().GetLogsAsync(Deployment, new LogQuery(), cancellation.Token));

        // Then the cancellation is not disguised as an API failure
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task Connection_Refused_Is_A_Network_Failure()
    {
        // Given a loopback port nobody listens on
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new BasetenLogApiClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") }, Credential);

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => client.GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it is a network failure naming the host
        Assert.Equal(ApiFailureKind.Network, ex.Kind);
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.DoesNotContain(Key, ex.ToString());
    }

    [Fact]
    public async Task Training_Job_Status_Is_Read()
    {
        // Given the job endpoint's answer
        _server.Answer = CannedApiServer.Json(200, """
            {"training_project": {"id": "proj1", "name": "p"},
             "training_job": {"id": "job1", "name": "gpt-oss-job", "current_status": "TRAINING_JOB_FAILED", "error_message": "OOM", "instance_type": {}}}
            """);

        // When the job is read
        var job = await Client().GetTrainingJobAsync(Job, CancellationToken.None);

        // Then its status is there
        Assert.Equal(new TrainingJobInfo("job1", "gpt-oss-job", "TRAINING_JOB_FAILED", "OOM"), job);
        Assert.Equal("/v1/training_projects/proj1/jobs/job1", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task Unknown_Training_Job_Names_Project_And_Job()
    {
        // Given the job endpoint answering 404
        _server.Answer = CannedApiServer.Json(404, """{"detail": "Not found"}""");

        // When the job is read
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetTrainingJobAsync(Job, CancellationToken.None));

        // Then the message names both ids
        Assert.Equal(ApiFailureKind.NotFound, ex.Kind);
        Assert.Contains("training project \"proj1\", training job \"job1\"", ex.Message);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task A_Redirect_Followed_By_The_HttpClient_To_Another_Origin_Is_Reported_Not_Read_As_A_Rejected_Key()
    {
        // Given an HttpClient that follows redirects itself (it drops the key on the way), and an API that redirects elsewhere
        await using var elsewhere = await CannedApiServer.StartAsync();
        elsewhere.Answer = CannedApiServer.Json(401, """{"error": "no key"}""");
        _server.Answer = context =>
        {
            context.Response.Redirect(new Uri(elsewhere.BaseAddress, "v1/logs").ToString());
            return Task.CompletedTask;
        };

        // When logs are requested
        var ex = await Assert.ThrowsAsync<LogApiException>(() => Client().GetLogsAsync(Deployment, new LogQuery(), CancellationToken.None));

        // Then it is a redirect naming the other host, fatal, and the other host never saw the key
        Assert.Equal(ApiFailureKind.Redirected, ex.Kind);
        Assert.False(ex.IsTransient);
        Assert.Contains($"redirected the request to {elsewhere.BaseAddress.Authority}; the key is not sent to another host", ex.Message);
        Assert.All(elsewhere.Requests, r => Assert.DoesNotContain(Key, r.Authorization));
    }
}
