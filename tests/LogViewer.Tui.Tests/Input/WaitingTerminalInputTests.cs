using System.IO.Pipes;
using LogViewer.Tui.App;

namespace LogViewer.Tui.Tests.Input;

/// <summary>
/// The input that waits in poll(2) for a key instead of polling every 20 ms: it must be the one the driver uses,
/// a key (a byte on the watched descriptor) must end its wait, and so must a wake-up, which quitting relies on.
/// The waits here have no time limit, so each test fails by hanging on the guard, not by a slow machine.
/// </summary>
public sealed class WaitingTerminalInputTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_Application_Drives_This_Input()
    {
        using var app = WaitingTerminalInput.CreateApplication(out var input);

        Assert.NotNull(input);
        // The driver's input thread asks for keys from its first iteration on.
        Assert.True(SpinWait.SpinUntil(() => input.Peeks > 0, Guard), "the driver never asked this input for a key");
    }

    [Fact]
    public void Off_A_Terminal_It_Does_Not_Wait()
    {
        using var input = new WaitingTerminalInput();

        // The test host's standard input is not a terminal: the stock loop's behaviour.
        Assert.False(input.WaitsForKeys);
        Assert.False(input.Peek());
        Assert.Equal(0, input.Waits);
    }

    [Fact]
    public async Task A_Byte_On_The_Terminal_Ends_The_Wait()
    {
        using var terminal = new Pipe();
        var input = new WaitingTerminalInput(terminal.ReadEnd, Timeout.InfiniteTimeSpan);
        var peek = Task.Run(input.Peek);
        Assert.True(SpinWait.SpinUntil(() => input.Waits == 1, Guard), "Peek never waited");
        Assert.False(peek.IsCompleted);

        terminal.WriteByte();

        await peek.WaitAsync(Guard);
        input.Dispose();
    }

    [Fact]
    public async Task A_Wake_Up_Ends_The_Wait_And_Every_Later_One()
    {
        using var terminal = new Pipe();
        var input = new WaitingTerminalInput(terminal.ReadEnd, Timeout.InfiniteTimeSpan);
        var peek = Task.Run(input.Peek);
        Assert.True(SpinWait.SpinUntil(() => input.Waits == 1, Guard), "Peek never waited");
        Assert.False(peek.IsCompleted);

        input.Wake();

        await peek.WaitAsync(Guard);
        Assert.False(input.Peek());
        Assert.Equal(1, input.Waits);
        input.Dispose();
    }

    [Fact]
    public async Task A_Byte_That_Ends_The_Wait_Is_Told_To_The_Main_Loop()
    {
        // Given a waiting input whose sightings are counted
        using var terminal = new Pipe();
        var input = new WaitingTerminalInput(terminal.ReadEnd, Timeout.InfiniteTimeSpan);
        var seen = 0;
        input.InputSeen = () => Interlocked.Increment(ref seen);
        var peek = Task.Run(input.Peek);
        Assert.True(SpinWait.SpinUntil(() => input.Waits == 1, Guard), "Peek never waited");

        // When a byte arrives
        terminal.WriteByte();
        await peek.WaitAsync(Guard);

        // Then the main loop was told before the driver even read it; a wake-up for quitting is not input
        Assert.Equal(1, Volatile.Read(ref seen));
        input.Wake();
        input.Dispose();
        Assert.Equal(1, Volatile.Read(ref seen));
    }

    [Fact]
    public void Input_The_Driver_Read_Is_Told_Once_It_Is_Queued()
    {
        // Given an input that is not waiting (off a terminal) with a key injected for the driver to read
        using var input = new WaitingTerminalInput();
        var seen = 0;
        input.InputSeen = () => seen++;
        input.InjectInput('k');

        // When the driver asks, reads, and asks again (its loop: Peek, Read and queue, Peek)
        Assert.True(input.Peek());
        Assert.Equal(0, seen);
        _ = input.Read().ToList();
        Assert.False(input.Peek());

        // Then the loop is told once, after the read, when what was read is in the queue; not again after that
        Assert.Equal(1, seen);
        Assert.False(input.Peek());
        Assert.Equal(1, seen);
    }

    // On Unix a pipe handle is its file descriptor.
    private sealed class Pipe : IDisposable
    {
        private readonly AnonymousPipeServerStream _writer = new(PipeDirection.Out);

        public int ReadEnd => (int)_writer.ClientSafePipeHandle.DangerousGetHandle();

        public void WriteByte()
        {
            _writer.WriteByte((byte)'x');
            _writer.Flush();
        }

        public void Dispose() => _writer.Dispose();
    }
}
