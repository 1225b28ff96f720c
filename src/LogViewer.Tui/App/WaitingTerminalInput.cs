using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace LogViewer.Tui.App;

/// <summary>
/// The ANSI driver's terminal input, made to wait for a key instead of polling for one. Terminal.Gui 2.5's input
/// thread asks "is a key there?" and, when not, sleeps 20 ms and asks again: fifty wake-ups a second on a quiet
/// terminal, the largest part of an idle viewer's CPU. Here the question waits in <c>poll(2)</c> on the terminal and on
/// a wake-up pipe for up to <see cref="WaitLimit"/>: a key still ends the wait at once, and <see cref="Wake"/> ends it
/// when the application stops, which waits for the input thread.
/// </summary>
internal sealed partial class WaitingTerminalInput : AnsiInput
{
    /// <summary>The longest one wait lasts; also the longest a stop would wait if nothing woke the thread.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromMilliseconds(500);

    private const int StandardInput = 0;
    private const short PollIn = 1;

    private readonly int _watched;
    private readonly int _timeoutMilliseconds;
    private readonly int _wakeRead = -1;
    private readonly int _wakeWrite = -1;
    private int _waits;
    private int _peeks;
    private int _woken;
    private bool _delivered;

    // Off a terminal (tests, a pipe) the driver's input reads nothing anyway; waiting there would only slow its loop.
    public WaitingTerminalInput()
        : this(OnTerminal() ? StandardInput : -1, WaitLimit)
    {
    }

    /// <summary>Waits on <paramref name="watched"/> (-1: never waits) for up to <paramref name="waitLimit"/> (infinite: until input or a wake-up).</summary>
    internal WaitingTerminalInput(int watched, TimeSpan waitLimit)
    {
        _timeoutMilliseconds = waitLimit == System.Threading.Timeout.InfiniteTimeSpan ? -1 : (int)waitLimit.TotalMilliseconds;
        Span<int> ends = stackalloc int[2];
        if (watched >= 0 && CreatePipe(ends) == 0)
        {
            (_watched, _wakeRead, _wakeWrite) = (watched, ends[0], ends[1]);
        }
    }

    /// <summary>How many times the input thread has waited in poll(2).</summary>
    public int Waits => Volatile.Read(ref _waits);

    /// <summary>How many times the driver has asked for input: a test's proof that this input is the one in use.</summary>
    public int Peeks => Volatile.Read(ref _peeks);

    /// <summary>Whether the input waits for keys (a terminal and a wake-up pipe) rather than polling like the stock input.</summary>
    public bool WaitsForKeys => _wakeRead >= 0;

    /// <summary>
    /// Told (on the input thread) when bytes arrive and again once the driver has queued what it read, so a main loop
    /// waiting for work (<see cref="WaitingMainLoop"/>) wakes for them.
    /// </summary>
    public Action? InputSeen { get; set; }

    public override bool Peek()
    {
        Interlocked.Increment(ref _peeks);

        // The driver asks again right after it read and queued what the last true answer announced.
        if (_delivered)
        {
            _delivered = false;
            InputSeen?.Invoke();
        }

        if (base.Peek())
        {
            _delivered = true;
            return true;
        }

        if (!WaitsForKeys || Volatile.Read(ref _woken) != 0)
        {
            return false;
        }

        Interlocked.Increment(ref _waits);
        Span<PollDescriptor> watched = [new(_watched, PollIn), new(_wakeRead, PollIn)];
        // EINTR (a resize, a resumed job) or a timeout simply ends the wait; the loop asks again.
        if (Poll(watched, (nuint)watched.Length, _timeoutMilliseconds) > 0 && watched[0].ReturnedEvents != 0)
        {
            InputSeen?.Invoke();
        }

        _delivered = base.Peek();
        return _delivered;
    }

    /// <summary>Ends a wait in progress, and every later one: called before the application stops its input thread.</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _woken, 1) == 0 && _wakeWrite >= 0)
        {
            ReadOnlySpan<byte> one = [1];
            _ = Write(_wakeWrite, one, 1);
        }
    }

    /// <summary>Called by the driver on the input thread once its loop has ended, so no wait can be using the pipe.</summary>
    public override void Dispose()
    {
        Wake();
        if (_wakeRead >= 0)
        {
            _ = Close(_wakeRead);
            _ = Close(_wakeWrite);
        }

        base.Dispose();
    }

    /// <summary>
    /// An application whose driver is the ANSI one with this input. Terminal.Gui 2.5 takes a component factory only
    /// through an internal constructor, so the factory goes into the application's private field before Init (bound
    /// at compile time by <see cref="UnsafeAccessorAttribute"/>, which Native AOT supports). If a later Terminal.Gui
    /// renames the field, the stock ANSI driver is used and only the idle saving is lost.
    /// </summary>
    public static IApplication CreateApplication(out WaitingTerminalInput? input)
    {
        var app = Application.Create();
        input = new WaitingTerminalInput();
        try
        {
            ComponentFactoryOf(app) = new AnsiComponentFactory(input, new Output.ChangedCellsOutput(), sizeMonitor: null);
        }
        catch (MissingFieldException)
        {
            input.Dispose();
            input = null;
        }

        return app.Init(DriverRegistry.Names.ANSI);
    }

    private static bool OnTerminal() =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Driver.IsAttachedToTerminal(out _, out _);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactoryOf(
        [UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object application);

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct PollDescriptor(int fd, short events)
    {
        public readonly int Fd = fd;
        public readonly short Events = events;
        public readonly short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(Span<PollDescriptor> descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    private static partial int CreatePipe(Span<int> ends);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
