using LogViewer.Arguments;
using LogViewer.Core.Api;
using LogViewer.Core.Credentials;
using LogViewer.Core.Model;
using LogViewer.Output;

namespace LogViewer.Running;

/// <summary>
/// Runs one tail: resolves the connection (refusing a bad URL or a missing key before any client exists), builds
/// the API client and the event stream, and hands it to the chosen output mode.
/// </summary>
internal sealed class TailRunner(CliServices services)
{
    public async Task<int> RunAsync(LogTarget target, TailSettings settings, CancellationToken cancellationToken)
    {
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
        return await RunAsync(api, target, settings, connection.BaseAddress.GetLeftPart(UriPartial.Authority), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a tail over an API client that already exists (the embedded simulator's, in <c>demo</c>).</summary>
    public Task<int> RunAsync(ILogApi api, LogTarget target, TailSettings settings, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The TUI applies the command line's filters itself, as rules the user can change; other outputs let the API filter.
        var tui = settings.Output == OutputKind.Tui;
        var events = services.TailSources.Create(api, target, tui ? settings.Tail with { Filters = new LogQuery() } : settings.Tail);
        var output = services.Outputs.Create(settings.Output);
        var context = new ViewerContext(target, source, settings.Display)
        {
            Filters = settings.Tail.Filters,
            Api = api,
            Lookback = settings.Tail.Lookback,
            SessionKey = Core.Sessions.SessionStore.KeyOf(target),
        };
        return output.RunAsync(events, context, cancellationToken);
    }

    private int Fail(int exitCode, string message)
    {
        services.Console.Error.WriteLine("logviewer: " + message);
        return exitCode;
    }
}
