using System.Runtime.InteropServices;
using LogViewer.Tui.Watching;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace LogViewer.Tui.App;

/// <summary>
/// Keeps the terminal usable across job control. Suspending (Ctrl+Z, which raw mode delivers as a key, or a
/// <c>kill -TSTP</c>) first gives the shell its terminal back (mouse reporting off, bracketed paste off, the main screen,
/// the cursor shown, the user's own title, the shell's own line settings) and then stops the process. Continuing (<c>fg</c>, or a
/// <c>kill -CONT</c> after a <c>kill -STOP</c> nothing could catch) puts back the viewer's raw mode, alternate screen
/// and mouse mode (as the user last set it: Terminal.Gui's own restore would turn on any-motion reporting), its title, and redraws
/// every cell; the tail kept its place, so lines that arrived meanwhile appear with the next poll.
/// </summary>
/// <remarks>
/// The runtime's own handling would put back, on SIGCONT, the terminal settings it knows of, which are the shell's
/// cooked mode (keys then wait for Enter and <c>q</c> is ignored): SIGCONT is cancelled for that reason. A job continued
/// in the background (the shell took the terminal when it stopped) must not touch the terminal, so it stops again
/// until <c>fg</c> brings it to the foreground.
/// </remarks>
internal sealed class JobControl : IDisposable
{
    // Bracketed paste off, main screen, cursor shown: what the shell expects. Back: alternate screen, bracketed paste.
    private const string ToShell = "\u001b[?2004l\u001b[?1049l\u001b[?25h";
    private const string ToViewer = "\u001b[?1049h\u001b[?2004h";

    private readonly IApplication _app;
    private readonly byte[]? _shellModes;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly ManualResetEventSlim _continued = new(initialState: false);
    private byte[]? _viewerModes;
    private int _stoppingItself;

    /// <param name="app">The running viewer.</param>
    /// <param name="shellModes">The terminal's settings taken before Terminal.Gui set raw mode.</param>
    public JobControl(IApplication app, byte[]? shellModes)
    {
        _app = app;
        _shellModes = shellModes;

        // Terminal.Gui binds Ctrl+Z to a suspend of its own that turns any-motion mouse reporting back on and does
        // not know the shell's settings: the key table binds Ctrl+Z to this one instead.
        app.Keyboard.KeyBindings.Clear(Command.Suspend);
    }

    /// <summary>Whether the view on screen has mouse reporting on now (the viewer: as the user last set it).</summary>
    public Func<bool> MouseEnabled { get; set; } = () => false;

    /// <summary>The title the view on screen keeps, if any: the user's title is back while the viewer is stopped.</summary>
    public Func<TitleStack?> Title { get; set; } = () => null;

    /// <summary>
    /// Once Terminal.Gui has set the terminal up: remembers its settings and starts listening for the signals
    /// (the first time; again when the picker and the viewer alternate, it only takes the settings afresh).
    /// </summary>
    public void Start()
    {
        _viewerModes = TerminalModes.Capture() ?? _viewerModes;
        if (OperatingSystem.IsWindows() || _viewerModes is null || _registrations.Count > 0)
        {
            return;
        }

        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTSTP, OnStopRequested));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, OnContinued));
        AppDomain.CurrentDomain.UnhandledException += OnCrash;
    }

    /// <summary>On the UI thread: hands the terminal to the shell, stops, and takes the terminal back once continued.</summary>
    public void Suspend()
    {
        if (TerminalModes.InForeground())
        {
            _viewerModes = TerminalModes.Capture() ?? _viewerModes;
            Write(MouseReporting.Off + ToShell + Title()?.GiveBack());
            TerminalModes.Restore(_shellModes);
        }

        StopUntilContinued();
        Resume();
    }

    /// <summary>On the UI thread: the terminal as the viewer had it, and the whole screen drawn again.</summary>
    public void Resume()
    {
        while (!TerminalModes.InForeground())
        {
            StopUntilContinued();
        }

        TerminalModes.Restore(_viewerModes);
        Write(ToViewer + Title()?.TakeBack());
        MouseReporting.Apply(_app, MouseEnabled());
        _app.LayoutAndDraw(forceRedraw: true);
    }

    public void Dispose()
    {
        // The handlers first, so no SIGCONT can reach the event once it is gone.
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
        _continued.Dispose();
        AppDomain.CurrentDomain.UnhandledException -= OnCrash;
    }

    private void OnCrash(object sender, UnhandledExceptionEventArgs e)
    {
        // An exception no one catches ends the process without running the finally blocks that restore the
        // terminal: hand it to the shell here, as a stop does (the user's title included), before the runtime reports it.
        Write(MouseReporting.Off + ToShell + Title()?.End());
        TerminalModes.Restore(_shellModes);
    }

    private void OnStopRequested(PosixSignalContext context)
    {
        // Not the runtime's stop, which would leave the alternate screen, raw mode and the mouse on for the shell.
        context.Cancel = true;
        Post(Suspend);
    }

    private void OnContinued(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Volatile.Read(ref _stoppingItself) == 0)
        {
            Post(Resume);
        }
        else
        {
            _continued.Set();
        }
    }

    /// <summary>
    /// Stops this process and returns once it has been continued. kill(2) on itself can return before a busy
    /// multi-threaded process has actually stopped (seen under load: the viewer took its screen back, then stopped,
    /// leaving the shell on the alternate screen), so the SIGCONT that follows the stop is what says it is over.
    /// </summary>
    private void StopUntilContinued()
    {
        Interlocked.Exchange(ref _stoppingItself, 1);
        try
        {
            _continued.Reset();
            TerminalModes.StopProcess();
            if (_registrations.Count > 0)
            {
                _continued.Wait();
            }
        }
        finally
        {
            Interlocked.Exchange(ref _stoppingItself, 0);
        }
    }

    private void Post(Action action)
    {
        if (_app.Initialized)
        {
            _app.Invoke(action);
        }
    }

    // Straight to the terminal and drained: these bytes must have reached the terminal before the process stops (or,
    // on the way back, before the screen is drawn again); the driver's WriteRaw makes no such promise.
    private void Write(string sequence)
    {
        if (!TerminalModes.WriteNow(sequence))
        {
            _app.Driver?.WriteRaw(sequence);
            Console.Out.Flush();
        }
    }
}
