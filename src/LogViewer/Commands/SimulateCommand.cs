using System.CommandLine;
using System.Globalization;
using LogViewer.Cli;
using LogViewer.Simulator;
using LogViewer.Simulator.Hosting;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer simulate [--port N] [--faults] [--oversized-answers SIZE [--gzip-bomb]]</c>: runs the simulated Baseten API alone on 127.0.0.1, prints its
/// URL and the (fake) key it accepts, and serves until Ctrl-C or SIGTERM.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliServices services)
    {
        var port = new Option<string?>("--port") { HelpName = "N", Description = "TCP port on 127.0.0.1 (default: a free one)." };
        var faults = new Option<bool>("--faults")
        {
            Description = "Behave like a bad day: ingestion lag up to 5s, and some 429, 5xx, HTML 502 and slow answers.",
        };
        var oversized = new Option<string?>("--oversized-answers")
        {
            HelpName = "SIZE",
            Description = "Answer every full-page log request (limit 1000) with one entry making SIZE of JSON (e.g. 200MB), to try the client's answer cap.",
        };
        var gzipBomb = new Option<bool>("--gzip-bomb") { Description = "With --oversized-answers: send them gzip-compressed (small on the wire, SIZE once inflated)." };
        var command = new Command(
            "simulate",
            "Run the simulated Baseten API alone, for trying LogViewer or scripts against it; it prints its URL and the fake key it accepts and runs until Ctrl-C. "
            + ExitCodes.Help)
        {
            port,
            faults,
            oversized,
            gzipBomb,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            services, parse, parse.GetValue(port), parse.GetValue(faults), (parse.GetValue(oversized), parse.GetValue(gzipBomb)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliServices services, ParseResult parse, string? portText, bool faults, (string? Size, bool Gzip) oversized, CancellationToken cancellationToken)
    {
        var port = 0;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            return TailCommandAction.Usage(services, [$"--port {portText}: expected a port number from 0 to 65535."], parse);
        }

        long oversizedBytes = 0;
        if (oversized.Size is not null && !TryParseSize(oversized.Size, out oversizedBytes))
        {
            return TailCommandAction.Usage(services, [$"--oversized-answers {oversized.Size}: expected a size such as 200MB, 1GB or 5000000 (bytes), at least 1KB."], parse);
        }

        var options = new SimulatorOptions { Port = port, Retention = DemoCommand.SimulatorRetention };
        if (faults)
        {
            options = options with
            {
                IngestionLagMax = TimeSpan.FromSeconds(5),
                Faults = new SimulatorFaultSettings
                {
                    RateLimitProbability = 0.05,
                    RetryAfterSeconds = 2,
                    ServerErrorProbability = 0.03,
                    Html502Probability = 0.03,
                    SlowProbability = 0.05,
                },
            };
        }

        if (oversizedBytes > 0)
        {
            options = options with
            {
                Faults = options.Faults with { OversizedAnswerBytes = oversizedBytes, OversizedAnswerGzip = oversized.Gzip },
            };
        }

        SimulatorServer server;
        try
        {
            server = await SimulatorServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            services.Console.Error.WriteLine($"logviewer: cannot listen on 127.0.0.1:{port}: {ex.Message}");
            return ExitCodes.Failure;
        }

        await using (server.ConfigureAwait(false))
        {
            var url = server.BaseAddress.GetLeftPart(UriPartial.Authority);
            var output = services.Console.Out;
            var logviewer = CommandPrefix.Current(services.Environment);
            await output.WriteLineAsync($"Simulated Baseten API at {url}  key: {server.ApiKey}").ConfigureAwait(false);
            await output.WriteLineAsync($"  try: BASETEN_API_KEY={server.ApiKey} {logviewer} deployment {SimulatorCatalog.DemoModelId} {SimulatorCatalog.DemoDeploymentId} --api-url {url}").ConfigureAwait(false);
            await output.WriteLineAsync($"   or: BASETEN_API_KEY={server.ApiKey} {logviewer} training {SimulatorCatalog.DemoTrainingProjectId} {SimulatorCatalog.DemoTrainingJobId} --api-url {url}").ConfigureAwait(false);
            await output.WriteLineAsync($"   or: BASETEN_API_KEY={server.ApiKey} {logviewer} training {SimulatorCatalog.DemoTrainingProjectId} {SimulatorCatalog.FailingTrainingJobId} --api-url {url} --output text   (a job that fails within a minute: exit 1)").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: the normal way to stop.
            }
        }

        return ExitCodes.Ok;
    }

    // 200MB, 1GB, 64KB or plain bytes; binary units, as a memory figure is read.
    private static bool TryParseSize(string text, out long bytes)
    {
        var units = new (string Suffix, long Factor)[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1), (string.Empty, 1) };
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count <= long.MaxValue / factor)
            {
                bytes = count * factor;
                return bytes >= 1024;
            }
        }

        bytes = 0;
        return false;
    }
}
