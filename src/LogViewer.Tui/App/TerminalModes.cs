using System.Runtime.InteropServices;

namespace LogViewer.Tui.App;

/// <summary>
/// The terminal's line discipline settings (termios) as an opaque snapshot, and the few process-group calls job
/// control needs. The layout of termios differs between platforms and is never read here: a snapshot is only put
/// back as it was taken.
/// </summary>
internal static partial class TerminalModes
{
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int Interrupted = 4; // EINTR
    private const int SetNow = 0;
    private const int SignalStop = 19; // SIGSTOP on Linux; the other Unixes number it 17 (see StopSignal)

    // Larger than any platform's struct termios (Linux 60 bytes, macOS 72).
    private const int SnapshotSize = 256;

    /// <summary>The standard input terminal's settings now, or null when it is not a terminal (or on Windows).</summary>
    public static byte[]? Capture()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var snapshot = new byte[SnapshotSize];
        return GetAttributes(StandardInput, snapshot) == 0 ? snapshot : null;
    }

    /// <summary>Puts a snapshot back; false when the terminal refused it.</summary>
    public static bool Restore(byte[]? snapshot) =>
        snapshot is not null && SetAttributes(StandardInput, SetNow, snapshot) == 0;

    /// <summary>
    /// True when this process's group owns the terminal (it is the shell's foreground job). A job continued in the
    /// background must not touch the terminal: the shell owns it then.
    /// </summary>
    public static bool InForeground()
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var owner = GetForegroundGroup(StandardInput);
        return owner < 0 || owner == GetProcessGroup();
    }

    /// <summary>
    /// Stops this process's whole group now, as Ctrl-Z does to a job in cooked mode (the terminal signals its whole
    /// foreground group). Stopping only this process would leave a parent in the job running, such as
    /// <c>dotnet run</c>, so the shell would never see the job stop and never give its prompt back.
    /// </summary>
    public static void StopProcess()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(OwnGroup, StopSignal);
        }
    }

    // kill(2) with pid 0: every process in the caller's process group.
    private const int OwnGroup = 0;

    /// <summary>
    /// Writes <paramref name="text"/> to standard output now, with write(2), and waits until the terminal has taken
    /// it (tcdrain); false when standard output is not a terminal (the caller then goes through the driver).
    /// </summary>
    /// <remarks>
    /// Job control needs this: a stop that overtakes "leave the alternate screen" leaves the shell drawing on the
    /// viewer's screen, so the bytes are on the terminal before the process stops itself.
    /// </remarks>
    public static bool WriteNow(string text)
    {
        if (OperatingSystem.IsWindows() || IsTerminal(StandardOutput) != 1)
        {
            return false;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var offset = 0;
        while (offset < bytes.Length)
        {
            var written = WriteBytes(StandardOutput, bytes.AsSpan(offset), (nuint)(bytes.Length - offset));
            if (written < 0 && Marshal.GetLastPInvokeError() == Interrupted)
            {
                continue;
            }

            if (written <= 0)
            {
                return false;
            }

            offset += (int)written;
        }

        _ = Drain(StandardOutput);
        return true;
    }

    private static int StopSignal => OperatingSystem.IsLinux() ? SignalStop : 17;

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static partial int GetAttributes(int descriptor, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static partial int SetAttributes(int descriptor, int when, [In] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcgetpgrp", SetLastError = true)]
    private static partial int GetForegroundGroup(int descriptor);

    [LibraryImport("libc", EntryPoint = "getpgrp")]
    private static partial int GetProcessGroup();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteBytes(int descriptor, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "tcdrain", SetLastError = true)]
    private static partial int Drain(int descriptor);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsTerminal(int descriptor);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int process, int signal);
}
