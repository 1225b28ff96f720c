using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Core.Api;
using LogViewer.Core.Catalog;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Core.Output;
using LogViewer.Core.Tail;
using LogViewer.Output;
using LogViewer.Running;
using LogViewer.Targets;

namespace LogViewer.Commands;

/// <summary>
/// Runs one tail: resolves the connection (refusing a bad URL or a missing key before any client exists), builds
/// the API client, resolves the target by id or name (saying which one it chose when the user left it out), builds
/// the event stream, and hands it to the chosen output mode.
/// </summary>
internal sealed class TailRunner(CliServices services)
{
    public async Task<int> RunAsync(TargetRequest request, TailSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ApiConnection connection;
        try
        {
            connection = new ConnectionResolver(services.Environment).Resolve(settings.Connection);
        }
        catch (EndpointException ex)
        {
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (CredentialException ex)
        {
            return Fail(ExitCodes.Authentication, ex.Message);
        }

        using var http = ApiHttpClient.Create(connection.BaseAddress);
        var api = new BasetenLogApiClient(http, connection.Credential, services.Time);
        TargetChoice choice;
        try
        {
            choice = await request.ResolveAsync(api, cancellationToken).ConfigureAwait(false);
        }
        catch (TargetResolutionException ex)
        {
            return Fail(ex.Failure == ResolutionFailure.NotFound ? ExitCodes.NotFound : ExitCodes.Usage, ex.Message);
        }
        catch (LogApiException) when (request.Child is not null)
        {
            // Both ids typed: the listing only helped with names. Tail them as given; the log call reports what is wrong.
            choice = new TargetChoice(request.AsTyped, request.AsTyped.Describe(), null);
        }
        catch (LogApiException ex)
        {
            return Fail(ExitCodes.For(ex.Kind), ex.Message);
        }

        if (choice.Note is { } note)
        {
            services.Console.Error.WriteLine("logviewer: " + EscapedText.Escape(note));
        }

        return await RunAsync(api, choice.Target, settings, connection.BaseAddress.GetLeftPart(UriPartial.Authority), cancellationToken, choice.Title).ConfigureAwait(false);
    }

    /// <summary>Runs a tail over an API client that already exists (the embedded simulator's, in <c>demo</c>).</summary>
    public Task<int> RunAsync(ILogApi api, LogTarget target, TailSettings settings, string source, CancellationToken cancellationToken, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The TUI applies the command line's filters itself, as rules the user can change; other outputs let the API filter.
        // In the TUI a training job that ended stops polling but can be resumed by a key; text and jsonl just end.
        var tui = settings.Output == OutputKind.Tui;
        var control = tui ? new TailControl() : null;
        // The TUI reads newest first (a training job from its start unless a window was asked for); text and jsonl
        // keep oldest first, for strict time order.
        var tail = tui ? TuiOutputMode.TailFor(settings.Tail, control!, settings.Display, settings.DefaultRange) : settings.Tail;
        var viewerTail = tui ? tail with { Filters = new LogQuery() } : tail;
        var events = services.TailSources.Create(api, target, viewerTail);
        var output = services.Outputs.Create(settings.Output);
        var context = new ViewerContext(target, source, settings.Display)
        {
            Control = control,
            Title = title,
            Filters = settings.Tail.Filters,
            Api = api,
            Lookback = settings.Tail.Lookback,
            SessionKey = Core.Sessions.SessionStore.KeyOf(target),
            TailFrom = tui ? from => services.TailSources.Create(api, target, TuiOutputMode.TailFrom(viewerTail, from)) : null,
        };
        return output.RunAsync(events, context, cancellationToken);
    }

    private int Fail(int exitCode, string message)
    {
        services.Console.Error.WriteLine("logviewer: " + message);
        return exitCode;
    }
}
