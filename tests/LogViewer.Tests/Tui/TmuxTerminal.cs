using System.Diagnostics;

namespace LogViewer.Tests.Tui;

/// <summary>
/// A real terminal for end-to-end tests: a detached tmux session of a given size running a shell, driven with
/// <c>send-keys</c> and read with <c>capture-pane</c>. Every terminal has its own tmux server (a unique socket
/// name), so tests never share or race a server, and the server is killed on dispose. Its shell has its own
/// <c>XDG_STATE_HOME</c> (a temporary directory, removed on dispose), so no test reads or writes the user's saved
/// sessions; a program relaunched in the same terminal finds what the previous run saved.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private TmuxTerminal(string name)
    {
        Name = name;
        StateHome = Directory.CreateTempSubdirectory("lv-e2e-state-").FullName;
    }

    public static bool IsInstalled { get; } = FindOnPath("tmux") is not null;

    public string Name { get; }

    /// <summary>The shell's <c>XDG_STATE_HOME</c>: where the program saves sessions in this terminal.</summary>
    public string StateHome { get; }

    /// <summary>Starts a shell in a new detached session of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static TmuxTerminal Start(int width, int height)
    {
        var terminal = new TmuxTerminal($"lv-e2e-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        terminal.Tmux("new-session", "-d", "-s", terminal.Name, "-x", $"{width}", "-y", $"{height}", "-e", $"XDG_STATE_HOME={terminal.StateHome}", "sh");
        return terminal;
    }

    /// <summary>Sends keys as tmux names them (<c>Enter</c>, <c>Escape</c>, <c>PageUp</c>, <c>C-c</c>) or literal text.</summary>
    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", Name, .. keys]);

    /// <summary>Types <paramref name="text"/> literally (no key-name lookup).</summary>
    public void Type(string text) => Tmux("send-keys", "-t", Name, "-l", text);

    public string Capture() => Tmux("capture-pane", "-p", "-t", Name);

    /// <summary>Appends everything the pane's programs write (escape sequences included) to <paramref name="path"/>.</summary>
    public void PipeOutputTo(string path) => Tmux("pipe-pane", "-o", "-t", Name, $"cat >> '{path}'");

    /// <summary>Sets a server option, e.g. <c>set-clipboard on</c> so OSC 52 from the program fills a paste buffer.</summary>
    public void SetServerOption(string option, string value) => Tmux("set-option", "-s", option, value);

    /// <summary>The newest paste buffer (what an OSC 52 copy put there), or null when there is none.</summary>
    public string? ShowBuffer()
    {
        try
        {
            return Tmux("show-buffer");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The screen with its attributes as SGR sequences (<c>capture-pane -e</c>): reverse video is <c>ESC[7m</c>.</summary>
    public string CaptureWithAttributes() => Tmux("capture-pane", "-p", "-e", "-t", Name);

    /// <summary>A tmux format value of the pane, e.g. <c>#{alternate_on}</c>.</summary>
    public string Display(string format) => Tmux("display-message", "-p", "-t", Name, format).Trim();

    /// <summary>Polls the screen until <paramref name="condition"/> holds; fails with the last screen after <paramref name="timeout"/>.</summary>
    public string WaitFor(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        string screen;
        while (true)
        {
            screen = Capture();
            if (condition(screen))
            {
                return screen;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0}s for {what}; the screen was:\n{screen}");
            }

            Thread.Sleep(PollInterval);
        }
    }

    public string WaitForText(string text, TimeSpan? timeout = null) =>
        WaitFor(screen => screen.Contains(text, StringComparison.Ordinal), $"\"{text}\"", timeout);

    /// <summary>Opens a second window and makes it current, so the first is one the user is not looking at.</summary>
    public void OpenOtherWindow() => Tmux("new-window", "-t", Name, "sh");

    public void SelectWindow(int index) => Tmux("select-window", "-t", $"{Name}:{index}");

    /// <summary>A format (<c>#{window_bell_flag}</c>, <c>#{pane_title}</c>) of window <paramref name="index"/>, current or not.</summary>
    public string DisplayWindow(int index, string format) => Tmux("display-message", "-p", "-t", $"{Name}:{index}", format).Trim();

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone: the shell exited.
        }

        try
        {
            Directory.Delete(StateHome, recursive: true);
        }
        catch (IOException)
        {
            // A program still writing there as the server went down; the temporary directory is left behind.
        }
    }

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(Name);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {error.Trim()}");
        }

        return output;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
