using System.Runtime.InteropServices;

namespace LogViewer.Running;

/// <summary>
/// After <c>logviewer replay -</c> has read a pipe to its end, the TUI still needs keys: like <c>less</c> and
/// <c>lnav</c>, standard input is then pointed at the controlling terminal (<c>/dev/tty</c>), which is where
/// Terminal.Gui reads keys from.
/// </summary>
internal static partial class TerminalInput
{
    private const int OpenReadWrite = 2;

    /// <summary>True when standard input now reads the terminal; false when there is none (no TTY, Windows).</summary>
    public static bool ReattachToTerminal()
    {
        if (OperatingSystem.IsWindows() || !Console.IsInputRedirected)
        {
            return !Console.IsInputRedirected;
        }

        var tty = Open("/dev/tty", OpenReadWrite);
        if (tty < 0)
        {
            return false;
        }

        var attached = Dup2(tty, 0) == 0;
        _ = Close(tty);
        return attached;
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int oldDescriptor, int newDescriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
