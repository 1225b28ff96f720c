using LogViewer.Arguments;
using LogViewer.Cli;
using LogViewer.Commands;
using LogViewer.Core.Credentials;
using LogViewer.Core.Sessions;
using LogViewer.Output;
using LogViewer.Running;
using LogViewer.Tui.Picker;

namespace LogViewer.Tests;

/// <summary>Runs the command line in-process with captured stdout/stderr, a fixed environment and a temporary home.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness() => Home = Directory.CreateTempSubdirectory("lv-cli-home-").FullName;

    public string Home { get; }

    public Dictionary<string, string> Variables { get; } = [];

    public bool OutputIsTerminal { get; init; }

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The stdout to capture into; a <see cref="LineSignallingWriter"/> lets a test wait for a line.</summary>
    public StringWriter? Out { get; init; }

    /// <summary>What <c>replay -</c> reads; empty unless a test gives one.</summary>
    public Func<Stream>? StandardInput { get; init; }

    /// <summary>Stands in for the TUI (plain text by default).</summary>
    public IOutputMode? Tui { get; init; }

    /// <summary>Stands in for the picker on the terminal (none by default).</summary>
    public Action<PickerSession, CancellationToken>? Picker { get; init; }

    /// <summary>Where sessions are remembered (none by default).</summary>
    public SessionStore? Sessions { get; init; }

    public async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var stdout = Out ?? new StringWriter();
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, OutputIsTerminal);
        var services = new CliServices(
            console,
            new FixedEnvironment(Variables, Home),
            TimeProvider.System,
            Zone,
            new TailEngineSource(TimeProvider.System),
            // No terminal here: unless a test gives a stand-in, the TUI's place is taken by plain text.
            Tui ?? new StreamOutputMode(console, Zone, OutputKind.Text, colour: false))
        {
            StandardInput = StandardInput ?? (() => Stream.Null),
            Picker = Picker,
            Sessions = Sessions,
        };
        var exitCode = await CliApplication.RunAsync(args, services, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
