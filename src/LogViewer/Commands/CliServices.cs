using LogViewer.Cli;
using LogViewer.Core.Credentials;
using LogViewer.Core.Sessions;
using LogViewer.Output;
using LogViewer.Running;
using LogViewer.Tui.Picker;

namespace LogViewer.Commands;

/// <summary>
/// What commands depend on, assembled once by <see cref="Program"/> (or by a test): the console, the environment
/// (variables and home directory, for credentials and NO_COLOR), the clock and time zone, how a tail's event
/// stream is built, and the TUI's output mode (tests give one that writes text).
/// </summary>
internal sealed record CliServices(
    CliConsole Console,
    IEnvironment Environment,
    TimeProvider Time,
    TimeZoneInfo Zone,
    ITailSourceFactory TailSources,
    IOutputMode Tui)
{
    /// <summary>Runs the picker on the terminal (<c>TuiApp.RunPicker</c>); null in builds and tests without the TUI.</summary>
    public Action<PickerSession, CancellationToken>? Picker { get; init; }

    /// <summary>Where the picker remembers each target's session (the TUI output mode is given the same store); null: nothing is remembered.</summary>
    public SessionStore? Sessions { get; init; }

    /// <summary>Standard input, for <c>replay -</c>; tests give a stream of their own.</summary>
    public Func<Stream> StandardInput { get; init; } = System.Console.OpenStandardInput;

    /// <summary>Points standard input back at the terminal once a piped replay has been read, so the TUI gets keys.</summary>
    public Func<bool> ReattachTerminalInput { get; init; } = () => true;

    public OutputModeFactory Outputs => new(Console, Zone, noColor: !string.IsNullOrEmpty(Environment.GetVariable("NO_COLOR")), Tui);
}
