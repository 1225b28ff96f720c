using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Running;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer demo [options]</c>: starts the simulated Baseten API in-process on loopback and tails its demo
/// training job (or, with <c>--deployment</c>, its model deployment). No key or network needed.
/// </summary>
internal static class DemoCommand
{
    /// <summary>
    /// How much past the embedded simulator keeps: enough for --since 2h and more, while a demo left running for days
    /// stays at a few hundred MB instead of growing by about 700 MB a day.
    /// </summary>
    internal static readonly TimeSpan SimulatorRetention = TimeSpan.FromHours(6);

    public static Command Create(CliServices services)
    {
        var options = new TailCommandOptions();
        var deployment = new Option<bool>("--deployment") { Description = "Show the simulated model deployment instead of the training job." };
        var command = new Command(
            "demo",
            "Tail a simulated training job from the embedded simulator: no key or network needed. " + ExitCodes.Help)
        {
            deployment,
        };
        options.AddRange(command);
        options.AddFilters(command);
        options.AddOutput(command);
        command.Options.Add(options.ExitOn);
        options.AddWatching(command);
        command.SetAction((parse, cancellationToken) => RunAsync(services, options, parse, parse.GetValue(deployment), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, TailCommandOptions options, ParseResult parse, bool deployment, CancellationToken cancellationToken)
    {
        LogTarget target = deployment
            ? new DeploymentTarget(SimulatorCatalog.DemoModelId, SimulatorCatalog.DemoDeploymentId)
            : new TrainingJobTarget(SimulatorCatalog.DemoTrainingProjectId, SimulatorCatalog.DemoTrainingJobId);
        var errors = new List<string>();
        var settings = new TailArgumentsReader(options, services.Time, services.Zone, services.Console.OutputIsTerminal).Read(parse, target, errors);
        if (settings is null || errors.Count > 0)
        {
            return TailCommandAction.Usage(services, errors, parse);
        }

        // The target's history is generated while the web host and the viewer start, not at the first request.
        var logsPath = deployment ? SimulatorCatalog.DemoDeploymentLogsPath : SimulatorCatalog.DemoTrainingJobLogsPath;
        var simulatorOptions = new SimulatorOptions { Retention = SimulatorRetention, PrepareTargets = [logsPath] };
        await using var server = await SimulatorServer.StartAsync(simulatorOptions, cancellationToken).ConfigureAwait(false);
        using var http = ApiHttpClient.Create(server.BaseAddress);
        var api = new BasetenLogApiClient(http, new ApiCredential(server.ApiKey, "the embedded simulator"), services.Time);
        return await new TailRunner(services)
            .RunAsync(api, target, settings, $"simulated Baseten API at {server.BaseAddress.GetLeftPart(UriPartial.Authority)}", cancellationToken)
            .ConfigureAwait(false);
    }
}
