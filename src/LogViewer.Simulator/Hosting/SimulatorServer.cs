using System.Net;
using LogViewer.Simulator.Http;
using LogViewer.Simulator.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogViewer.Simulator.Hosting;

/// <summary>
/// A real HTTP server on 127.0.0.1 that behaves like Baseten's log and management API for a simulated model
/// deployment and training project (<see cref="SimulatorCatalog"/>). Lines are generated lazily and deterministically
/// as the clock advances; tests read the ground truth, inject lines, record requests and switch faults on.
/// The host writes nothing to the console: the demo shares the terminal with the TUI.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatedWorld _world;
    private readonly RequestJournal _journal;
    private readonly TimeProvider _timeProvider;

    private SimulatorServer(WebApplication app, SimulatedWorld world, RequestJournal journal, SimulatorFaults faults, SimulatorOptions options, Uri baseAddress)
    {
        _app = app;
        _world = world;
        _journal = journal;
        _timeProvider = options.TimeProvider;
        Faults = faults;
        ApiKey = options.ApiKey;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key the server accepts with the <c>Bearer</c> or <c>Api-Key</c> scheme.</summary>
    public string ApiKey { get; }

    /// <summary>Fault knobs, changeable while the server runs.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>A snapshot of every request received so far, in arrival order (never the key).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    /// <summary>Starts a server; it listens when the task completes.</summary>
    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey);
        if (options.IngestionLagMax < options.IngestionLagMin)
        {
            throw new ArgumentException("IngestionLagMax must not be less than IngestionLagMin.", nameof(options));
        }

        var timeProvider = options.TimeProvider;
        var world = new SimulatedWorld(options, timeProvider.GetUtcNow());
        foreach (var path in options.PrepareTargets)
        {
            var target = world.Targets.TryGetValue(path, out var found)
                ? found
                : throw new ArgumentException($"PrepareTargets names '{path}', which no simulated target has as its logs path.", nameof(options));
            _ = Task.Run(() => target.CatchUp(timeProvider.GetUtcNow()), CancellationToken.None);
        }

        var journal = new RequestJournal(timeProvider);
        var faults = new SimulatorFaults(options.Faults);
        var gate = new RequestGate(options.ApiKey, options.Seed, faults, new SlidingWindowLimiter(options.RateLimitPerSecond, timeProvider), timeProvider);

        // No configuration from the current directory or the environment: an appsettings.json or ASPNETCORE_* variable
        // of whoever runs the demo must not add endpoints, logging or anything else to this server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        var app = builder.Build();
        app.Use(journal.Record);
        app.UseRouting();
        app.Use(gate.Pass);
        Map(app, world, timeProvider);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorServer(app, world, journal, faults, options, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Every line of a target so far (generated up to now, and injected), ascending, with when each becomes visible.</summary>
    /// <param name="logsPath">The target's logs path, e.g. <see cref="SimulatorCatalog.DemoDeploymentLogsPath"/>.</param>
    public IReadOnlyList<GroundTruthLine> GroundTruth(string logsPath) => Target(logsPath).GroundTruth(_timeProvider.GetUtcNow());

    /// <summary>How many lines a target holds so far, without generating up to now as a read would.</summary>
    internal int HeldLines(string logsPath) => Target(logsPath).HeldCount;

    /// <summary>Adds crafted lines to a target; they are served by their timestamps and VisibleAt like generated ones.</summary>
    public void AddLines(string logsPath, IEnumerable<SimulatedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Target(logsPath).Add(lines, _timeProvider.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Logs.TargetLogs Target(string logsPath) =>
        _world.Targets.TryGetValue(logsPath, out var target)
            ? target
            : throw new ArgumentException($"No simulated target has the logs path '{logsPath}'; use a SimulatorCatalog path.", nameof(logsPath));

    private static void Map(WebApplication app, SimulatedWorld world, TimeProvider timeProvider)
    {
        var logs = new LogsEndpoints(world, timeProvider);
        var management = new ManagementEndpoints(world, timeProvider);
        app.MapGet("/v1/models", management.Models);
        app.MapGet("/v1/models/{modelId}/deployments", management.Deployments);
        app.MapGet("/v1/models/{modelId}/deployments/{deploymentId}", management.DeploymentById);
        app.MapGet("/v1/models/{modelId}/deployments/{deploymentId}/logs", logs.DeploymentLogs);
        app.MapGet("/v1/training_projects", management.TrainingProjects);
        app.MapGet("/v1/training_projects/{projectId}/jobs", management.TrainingJobs);
        app.MapGet("/v1/training_projects/{projectId}/jobs/{jobId}", management.TrainingJobById);
        app.MapGet("/v1/training_projects/{projectId}/jobs/{jobId}/logs", logs.TrainingLogs);
        app.MapFallback(context => Answers.Error(context, StatusCodes.Status404NotFound, $"{context.Request.Method} {context.Request.Path} not found"));
    }
}
