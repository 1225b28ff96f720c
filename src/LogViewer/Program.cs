using System.Text;
using LogViewer.Cli;
using LogViewer.Commands;
using LogViewer.Core.Credentials;
using LogViewer.Core.Sessions;
using LogViewer.Output;
using LogViewer.Running;

namespace LogViewer;

/// <summary>The composition root: the real console, environment, clock and signals.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var signals = new ShutdownSignals();

        // Buffered stdout, flushed per batch by the output modes: Console.Out flushes every write.
        var stdoutStream = StandardOutputStream.Open();
        await using var stdout = new StreamWriter(stdoutStream, new UTF8Encoding(false), 1 << 16) { AutoFlush = false };

        // A closed stdout (`logviewer ... | head`) ends the run the way Ctrl-C does.
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(signals.Token, stdoutStream.ReaderGone);
        var console = new CliConsole(stdout, Console.Error, OutputIsTerminal: !Console.IsOutputRedirected);
        var sessions = SessionStore.ForEnvironment(ProcessEnvironment.Instance);
        var services = new CliServices(console, ProcessEnvironment.Instance, TimeProvider.System, TimeZoneInfo.Local, new TailEngineSource(TimeProvider.System),
            new TuiOutputMode(console, LogViewer.Tui.State.TerminalStyle.From(ProcessEnvironment.Instance.GetVariable), sessions,
                noColor: !string.IsNullOrEmpty(ProcessEnvironment.Instance.GetVariable("NO_COLOR"))))
        {
            Sessions = sessions,
            Picker = LogViewer.Tui.App.TuiApp.RunPicker,
            ReattachTerminalInput = TerminalInput.ReattachToTerminal,
        };
        var exitCode = await CliApplication.RunAsync(args, services, shutdown.Token).ConfigureAwait(false);
        if (stdoutStream.WasClosed)
        {
            await Console.Error.WriteLineAsync("logviewer: standard output is closed, so there is nowhere to write; run it with output to a terminal, a file or a pipe.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return exitCode;
    }
}
