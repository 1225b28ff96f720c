using System.Collections.Concurrent;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedRequest(string Path, string RawQuery, Dictionary<string, string[]> Query, string Authorization);
