using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogViewer.Tests.Commands;

/// <summary>
/// Issue #14, rows "a redirect to another origin" and "a redirect to https that fails the handshake": the whole
/// command line against real loopback servers says what happened, never sends the key elsewhere, and exits 1.
/// </summary>
public sealed class HostileEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly CliHarness _cli = new();
    private SimulatorServer _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions { History = TimeSpan.FromMinutes(2), Bursts = false }, CancellationToken.None);
        _cli.Variables["BASETEN_API_KEY"] = _simulator.ApiKey;
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_Redirect_To_Another_Origin_Is_Reported_Not_Followed_And_Exits_1()
    {
        // Given an API URL that redirects every request to another origin (the simulator, which would take the key)
        var target = _simulator.BaseAddress;
        await using var redirector = await StartAsync(context =>
        {
            context.Response.Redirect(new Uri(target, context.Request.Path.Value!.TrimStart('/')) + context.Request.QueryString.Value);
            return Task.CompletedTask;
        });

        // When a deployment is read through it
        var run = await _cli.RunAsync("deployment", SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId, "--api-url", redirector.Url, "--no-follow", "--output", "jsonl");

        // Then one line says it was redirected to that host and the key is not sent there; exit 1, not 3
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"redirected the request to {target.Authority}; the key is not sent to another host", line);
        Assert.DoesNotContain("rejected", line);
        Assert.Empty(_simulator.Requests);
        Assert.DoesNotContain(_simulator.ApiKey, run.Out + run.Error);
    }

    [Fact]
    public async Task A_Redirect_To_Https_That_Fails_The_Handshake_Names_Where_It_Went()
    {
        // Given an API URL that redirects to an https origin whose certificate nobody trusts
        await using var tls = await StartAsync(_ => Task.CompletedTask, SelfSigned());
        await using var redirector = await StartAsync(context =>
        {
            context.Response.Redirect(tls.Url + context.Request.Path.Value!.TrimStart('/'));
            return Task.CompletedTask;
        });

        // When a deployment is read through it
        var run = await _cli.RunAsync("deployment", "m1", "d1", "--api-url", redirector.Url, "--no-follow", "--output", "jsonl");

        // Then the redirect is reported with the https host, not followed, exit 1
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"redirected the request to {new Uri(tls.Url).Authority}", Assert.Single(run.ErrorLines));
        Assert.Empty(tls.Requests);
    }

    [Fact]
    public async Task A_Tls_Failure_Names_The_Host_And_The_Tls_Error()
    {
        // Given an https API URL whose certificate is self-signed
        await using var tls = await StartAsync(_ => Task.CompletedTask, SelfSigned());

        // When a deployment is read from it
        var run = await _cli.RunAsync("deployment", "m1", "d1", "--api-url", tls.Url, "--no-follow", "--output", "jsonl");

        // Then one line names the host and the TLS error (not "see inner exception"), exit 1
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"The TLS handshake with {new Uri(tls.Url).Authority} failed: The remote certificate is invalid", line);
        Assert.DoesNotContain("inner exception", line);
        Assert.DoesNotContain(_simulator.ApiKey, run.Out + run.Error);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static async Task<Endpoint> StartAsync(RequestDelegate answer, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        app.Run(context =>
        {
            requests.Enqueue(context.Request.Path);
            return answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Endpoint(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/", requests);
    }

    private sealed record Endpoint(WebApplication App, string Url, System.Collections.Concurrent.ConcurrentQueue<string> Requests) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
