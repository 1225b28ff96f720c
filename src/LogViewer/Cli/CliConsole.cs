namespace LogViewer.Cli;

/// <summary>
/// The process's standard streams as commands see them; injected so tests run commands in-process and read what
/// they wrote. <paramref name="OutputIsTerminal"/> decides the default output (tui) and colour.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutputIsTerminal);
