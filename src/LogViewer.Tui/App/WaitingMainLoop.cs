using System.Reactive.Disposables;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;

namespace LogViewer.Tui.App;

/// <summary>
/// Makes Terminal.Gui 2.5's main loop wait for work instead of running its iteration (input, layout, draw, timers)
/// ten to twenty-five times a second whether or not anything happened: on a quiet tail those empty turns were most
/// of the viewer's idle CPU. At the start of an iteration that has nothing to do, the loop thread waits until one of
/// these, or <see cref="WaitLimit"/>:
/// <list type="bullet">
/// <item>a timer falls due (the next one's due time bounds the wait), or one is added: <c>Invoke</c> from another
/// thread, which is how every tail batch and Rx callback reaches the UI, goes through <see cref="ITimedEvents.Added"/>;</item>
/// <item>a byte arrives from the terminal (<see cref="WaitingTerminalInput.InputSeen"/>);</item>
/// <item>the window is resized (SIGWINCH).</item>
/// </list>
/// The iteration has nothing to do when no view needs layout or drawing, no screen clear is pending, no timer is due,
/// and no input came for <see cref="ActiveFor"/>: the input parser resolves a lone Escape, and the mouse a click, by
/// how much time passed, which only a running loop notices, so the loop keeps its normal pace while the user types.
/// After a wait, due timers run at once so what they change is drawn in the same iteration.
/// </summary>
internal sealed class WaitingMainLoop
{
    /// <summary>How long the loop keeps its normal pace after input (a key, the mouse, a resize).</summary>
    public static readonly TimeSpan ActiveFor = TimeSpan.FromSeconds(2);

    /// <summary>The longest one wait lasts: a bound on anything this class cannot see coming.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _waitLimit;

    // Not System.Threading.Lock: Monitor.Wait needs a plain object.
    private readonly object _gate = new();
    private bool _signalled;
    private long _lastInputTicks;
    private int _waits;

    public WaitingMainLoop()
        : this(TimeProvider.System, WaitLimit)
    {
    }

    /// <summary>For tests: the clock that says how long ago input came, and the longest wait.</summary>
    internal WaitingMainLoop(TimeProvider time, TimeSpan waitLimit)
    {
        _time = time;
        _waitLimit = waitLimit;

        // Start-up counts as input: the driver's first answers from the terminal come in its first moments.
        _lastInputTicks = Now;
    }

    /// <summary>How many waits the loop thread has begun (a signal that came first ends one before it begins).</summary>
    public int Waits => Volatile.Read(ref _waits);

    // UtcTicks of GetUtcNow, the one member a test's clock has to provide.
    private long Now => _time.GetUtcNow().UtcTicks;

    /// <summary>Input came (any thread): end a wait, and keep the loop at its pace for <see cref="ActiveFor"/>.</summary>
    public void NotifyInput()
    {
        Volatile.Write(ref _lastInputTicks, Now);
        Signal();
    }

    /// <summary>Work was posted (any thread): end a wait in progress, or the next one before it starts.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            _signalled = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// On the loop thread, at an iteration's start: waits while there is nothing to do, up to the next timer's due
    /// time or <see cref="WaitLimit"/>, and returns whether it waited. <paramref name="hasWork"/> says whether the
    /// views need layout, drawing or a clear; <paramref name="nextTimerDue"/> how many milliseconds until the next
    /// timer is due (0: due now, or not known; -1: no timer).
    /// </summary>
    internal bool WaitIfQuiet(Func<int> nextTimerDue, Func<bool> hasWork)
    {
        if (Now - Volatile.Read(ref _lastInputTicks) < ActiveFor.Ticks || hasWork())
        {
            return false;
        }

        // A signal from here on ends the wait. Cleared before the timers are read, so a timer added after the read
        // still ends it; the timers' own lock is never taken inside the gate (Added is raised inside that lock).
        lock (_gate)
        {
            _signalled = false;
        }

        var limit = _waitLimit;
        var dueInMilliseconds = nextTimerDue();
        if (dueInMilliseconds == 0)
        {
            return false;
        }

        if (dueInMilliseconds > 0 && (limit == System.Threading.Timeout.InfiniteTimeSpan || dueInMilliseconds < limit.TotalMilliseconds))
        {
            limit = TimeSpan.FromMilliseconds(dueInMilliseconds);
        }

        lock (_gate)
        {
            if (!_signalled)
            {
                Interlocked.Increment(ref _waits);
                Monitor.Wait(_gate, limit);
            }
        }

        return true;
    }

    /// <summary>
    /// Hooks the loop into <paramref name="app"/> (after Init) and, when given, into the terminal input; disposing the
    /// result unhooks it.
    /// </summary>
    public IDisposable Attach(IApplication app, WaitingTerminalInput? input)
    {
        ArgumentNullException.ThrowIfNull(app);
        var timers = app.TimedEvents ?? throw new ArgumentException("The application is not initialised.", nameof(app));
        var hasWork = () => HasWork(app);
        var nextTimerDue = () => NextTimerDue(timers);

        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            if (WaitIfQuiet(nextTimerDue, hasWork))
            {
                // The iteration runs the timers only after drawing: run the due ones now, so a batch that ended the
                // wait is on screen in this iteration rather than the next.
                timers.RunTimers();
            }
        }

        void OnTimerAdded(object? sender, TimeoutEventArgs e) => Signal();
        void OnKey(object? sender, Terminal.Gui.Input.Key e) => NotifyInput();

        app.Iteration += OnIteration;
        timers.Added += OnTimerAdded;
        app.Keyboard.KeyDown += OnKey;
        if (input is not null)
        {
            input.InputSeen = NotifyInput;
        }

        // A resize reaches the driver through its size check in the iteration: wake the loop and keep it running
        // while the terminal settles.
        var resized = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => NotifyInput());
        return Disposable.Create(() =>
        {
            resized?.Dispose();
            if (input is not null)
            {
                input.InputSeen = null;
            }

            app.Keyboard.KeyDown -= OnKey;
            timers.Added -= OnTimerAdded;
            app.Iteration -= OnIteration;
        });
    }

    // Only the library's own timer list says when its next timer is due (under its lock); another one: do not wait.
    private static int NextTimerDue(ITimedEvents timers) =>
        timers is TimedEvents known ? (known.CheckTimers(out var milliseconds) ? milliseconds : -1) : 0;

    /// <summary>
    /// What Terminal.Gui's LayoutAndDraw itself asks before it draws: a pending clear, or a session's view (or the
    /// active popover) needing layout or drawing, itself or below it.
    /// </summary>
    internal static bool HasWork(IApplication app)
    {
        if (app.ClearScreenNextIteration)
        {
            return true;
        }

        if (app.Popovers?.GetActivePopover() is View { Visible: true } popover && NeedsRedraw(popover))
        {
            return true;
        }

        foreach (var session in app.SessionStack ?? [])
        {
            if (session.Runnable is View view && NeedsRedraw(view))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeedsRedraw(View view) => view.NeedsLayout || view.NeedsDraw || SubViewNeedsDraw(view);

    // Cleared at the first call that finds the internal flag gone, so the miss costs one exception, not one per check.
    private static bool _flagReadable = true;

    // A view's "something below me needs drawing" flag, which Terminal.Gui 2.5 keeps internal: bound at compile time
    // (Native AOT supports it). Without it, walk the tree: adornments are then missed, but the wait limit bounds that.
    private static bool SubViewNeedsDraw(View view)
    {
        if (_flagReadable)
        {
            try
            {
                return SubViewNeedsDrawOf(view);
            }
            catch (MissingMethodException)
            {
                _flagReadable = false;
            }
        }

        return view.SubViews.Any(sub => sub.NeedsDraw || sub.NeedsLayout || SubViewNeedsDraw(sub));
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_SubViewNeedsDraw")]
    private static extern bool SubViewNeedsDrawOf(View view);
}
