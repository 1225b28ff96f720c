using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Tests.Tail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogViewer.Core.Tests.Api;

/// <summary>A real HTTP server on loopback that answers every request with what the test sets, and records what arrived.</summary>
internal sealed class CannedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CannedApiServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public Func<HttpContext, Task> Answer { get; set; } = context => context.Response.WriteAsync("""{"logs":[]}""");

    public static async Task<CannedApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        CannedApiServer? server = null;
        app.Run(async context =>
        {
            server!.Requests.Enqueue(new ReceivedRequest(
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray()),
                context.Request.Headers.Authorization.ToString()));
            await server.Answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new CannedApiServer(app, new Uri(address + "/"));
        return server;
    }

    public static Func<HttpContext, Task> Json(int status, string body, Action<HttpResponse>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        headers?.Invoke(context.Response);
        await context.Response.WriteAsync(body);
    };

    /// <summary>
    /// Answers as the log endpoint would from <paramref name="lines"/>: the query's window, direction and limit,
    /// written as LogV1 JSON (a query the API refuses, such as a start after its now, gets its 400). Hostile answers
    /// are built by wrapping this one, or by <paramref name="tamper"/>ing with the entries of each answer.
    /// </summary>
    public static Func<HttpContext, Task> Logs(InMemoryLogApi lines, LogTarget target, Func<LogQuery, IReadOnlyList<LogEntry>, IEnumerable<LogEntry>>? tamper = null) => async context =>
    {
        var query = context.Request.Query;
        var logQuery = new LogQuery
        {
            StartEpochMillis = Long(query["start_epoch_millis"]),
            EndEpochMillis = Long(query["end_epoch_millis"]),
            Direction = query["direction"] == "desc" ? SortDirection.Descending : SortDirection.Ascending,
            Limit = (int?)Long(query["limit"]),
        };
        LogPage page;
        try
        {
            page = await lines.GetLogsAsync(target, logQuery, context.RequestAborted);
        }
        catch (LogApiException refused) when (refused.StatusCode is { } status)
        {
            await Json(status, $$"""{"error":"{{JsonEncodedText.Encode(refused.Message)}}"}""")(context);
            return;
        }

        await WriteLogs(context.Response, tamper is null ? page.Entries : tamper(logQuery, page.Entries));
    };

    /// <summary>Writes <c>{"logs": [...]}</c> with every LogV1 field of <paramref name="entries"/>.</summary>
    public static async Task WriteLogs(HttpResponse response, IEnumerable<LogEntry> entries)
    {
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteStartArray("logs");
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("timestamp", entry.TimestampNanos.ToString(CultureInfo.InvariantCulture));
            json.WriteString("message", entry.Message);
            json.WriteString("replica", entry.Replica);
            json.WriteString("request_id", entry.RequestId);
            json.WriteString("level", entry.Level == Model.LogLevel.None ? null : entry.Level.ToString().ToUpperInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    /// <summary>
    /// An answer of <paramref name="bytes"/> of valid LogV1 JSON (one entry, one huge message): streamed without a
    /// length, with its length declared, or as a gzip body inflating to that size.
    /// </summary>
    public static async Task WriteOversized(HttpResponse response, long bytes, OversizedForm form)
    {
        var head = """{"logs":[{"timestamp":"1","replica":null,"message":"x"""u8.ToArray();
        var tail = "\"}]}"u8.ToArray();
        response.ContentType = "application/json";
        try
        {
            if (form == OversizedForm.Gzip)
            {
                using var compressed = new MemoryStream();
                await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                {
                    await Fill(gzip);
                }

                response.Headers.ContentEncoding = "gzip";
                response.ContentLength = compressed.Length;
                await response.Body.WriteAsync(compressed.ToArray());
                return;
            }

            if (form == OversizedForm.DeclaredLength)
            {
                response.ContentLength = bytes;
            }

            await Fill(response.Body);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client hung up at its cap.
        }

        async Task Fill(Stream body)
        {
            var filler = new byte[1 << 16];
            filler.AsSpan().Fill((byte)'x');
            await body.WriteAsync(head);
            for (var left = bytes - head.Length - tail.Length; left > 0; left -= filler.Length)
            {
                await body.WriteAsync(filler.AsMemory(0, (int)Math.Min(left, filler.Length)));
            }

            await body.WriteAsync(tail);
        }
    }

    private static long? Long(Microsoft.Extensions.Primitives.StringValues value) =>
        long.TryParse(value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>How an oversized answer reaches the client.</summary>
public enum OversizedForm
{
    Streamed,
    DeclaredLength,
    Gzip,
}

internal sealed record ReceivedRequest(string Path, string RawQuery, Dictionary<string, string[]> Query, string Authorization);
