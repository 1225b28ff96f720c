using System.CommandLine;
using System.CommandLine.Help;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Commands;

namespace LogViewer;

/// <summary>
/// The command line: builds the command tree, refuses parse errors with exit code 2 (one line each, before any
/// command runs), and runs the chosen command with the caller's cancellation (Ctrl-C, SIGTERM). Nothing escapes as
/// a stack trace.
/// </summary>
internal static class CliApplication
{
    public static RootCommand CreateRoot(CliServices services)
    {
        var root = new RootCommand(
            "LogViewer: watch Baseten deployment and training-job logs live in a terminal. "
            + "The API key comes from --api-key-file, BASETEN_API_KEY or ~/.trussrc. " + ExitCodes.FullHelp)
        {
            DeploymentCommand.Create(services),
            TrainingCommand.Create(services),
            DemoCommand.Create(services),
            SimulateCommand.Create(services),
            ReplayCommand.Create(services),
            PickCommand.Create(services),
        };
        root.Subcommands.Add(CompletionCommand.Create(services, root));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionText(services);
        }

        // No command on a terminal: the picker (off a terminal it says which command to give).
        PickCommand.Configure(root, new TailCommandOptions(), services);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var console = services.Console;
        try
        {
            var parse = CreateRoot(services).Parse(args);
            if (parse.Action is not HelpAction && parse.Errors.Count > 0)
            {
                return TailCommandAction.Usage(services, parse.Errors.Select(error => error.Message), parse);
            }

            var invocation = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (Exception ex)
        {
            console.Error.WriteLine($"logviewer: unexpected error: {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await console.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
