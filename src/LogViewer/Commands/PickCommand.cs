using System.CommandLine;
using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Sessions;
using LogViewer.Core.Tail;
using LogViewer.Output;
using LogViewer.Running;
using LogViewer.Tui.Picker;
using LogViewer.Tui.State;

namespace LogViewer.Commands;

/// <summary>
/// <c>logviewer pick [options]</c>, and <c>logviewer</c> alone on a terminal: the picker of models' deployments and
/// training jobs; Enter opens one's logs in the same window. Takes the connection options and the display ones.
/// </summary>
internal static class PickCommand
{
    public static Command Create(CliServices services)
    {
        var options = new TailCommandOptions();
        var command = new Command(
            "pick",
            "Pick a deployment or training job from a list (type to narrow, Enter opens its logs, p comes back, q quits). "
            + "The default on a terminal when no command is given. " + ExitCodes.Help);
        Configure(command, options, services);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> the picker's options and action (the root command uses it too).</summary>
    public static void Configure(Command command, TailCommandOptions options, CliServices services)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        options.AddConnection(command);
        command.Options.Add(options.PollInterval);
        command.Options.Add(options.Lookback);
        command.Options.Add(options.MaxLines);
        command.Options.Add(options.Utc);
        command.Options.Add(options.NoMouse);
        command.Options.Add(options.Fresh);
        options.AddWatching(command);
        command.SetAction((parse, cancellationToken) => RunAsync(services, options, parse, cancellationToken));
    }

    private static async Task<int> RunAsync(CliServices services, TailCommandOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        if (!services.Console.OutputIsTerminal || services.Picker is null)
        {
            return TailCommandAction.Usage(
                services,
                ["the picker needs a terminal; give a target instead: logviewer deployment MODEL [DEPLOYMENT] or logviewer training PROJECT [JOB]."],
                parse);
        }

        var errors = new List<string>();
        var settings = new TailArgumentsReader(options, services.Time, services.Zone, outputIsTerminal: true)
            .Read(parse, new DeploymentTarget("-", "-"), errors);
        if (settings is null || errors.Count > 0)
        {
            return TailCommandAction.Usage(services, errors, parse);
        }

        ApiConnection? connection = null;
        string? unavailable = null;
        var exitCode = ExitCodes.Ok;
        try
        {
            connection = new ConnectionResolver(services.Environment).Resolve(settings.Connection);
        }
        catch (EndpointException ex)
        {
            return TailCommandAction.Usage(services, [ex.Message], parse);
        }
        catch (CredentialException ex)
        {
            // Shown in the picker, which says how to set a key; the exit code says it too.
            unavailable = ex.Message;
            exitCode = ExitCodes.Authentication;
        }

        using var http = connection is null ? null : ApiHttpClient.Create(connection.BaseAddress);
        var api = connection is null ? null : new BasetenLogApiClient(http!, connection.Credential, services.Time);
        var source = connection?.BaseAddress.GetLeftPart(UriPartial.Authority) ?? "(no connection)";
        var terminal = TerminalStyle.From(services.Environment.GetVariable);

        // Each target opened is built and remembered as when it is given on the command line: the same rules from
        // the command line (none here), the same server search, the same session key.
        var memory = services.Sessions is { } store ? new SessionMemory(store, settings.Display.Fresh) : null;
        var session = new PickerSession(api, source, (target, title) =>
        {
            var control = new TailControl();
            // The range starts when the target is opened, not when the picker started.
            var tail = TuiOutputMode.TailFor(settings.Tail with { FromEpochMillis = null, ToEpochMillis = null }, control, settings.Display, startAtJobCreation: true);
            var events = services.TailSources.Create(api!, target, tail);
            var context = new ViewerContext(target, source, settings.Display)
            {
                Control = control,
                Title = title,
                Filters = settings.Tail.Filters,
                Api = api,
                Lookback = settings.Tail.Lookback,
                TailFrom = from => services.TailSources.Create(api!, target, TuiOutputMode.TailFrom(tail, from)),
            };
            var viewer = TuiOutputMode.SessionFor(events, context, terminal, noColor: !string.IsNullOrEmpty(services.Environment.GetVariable("NO_COLOR")));
            return memory is null ? viewer : memory.Attach(viewer, SessionStore.KeyOf(target));
        })
        {
            Unavailable = unavailable,
            TimeProvider = services.Time,
        };

        // Terminal.Gui runs its loop on the calling thread; keep it off the caller's continuation.
        await Task.Factory.StartNew(() => services.Picker(session, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ConfigureAwait(false);
        if (memory is not null)
        {
            await memory.ReportAsync(services.Console.Error).ConfigureAwait(false);
        }

        return exitCode;
    }
}
