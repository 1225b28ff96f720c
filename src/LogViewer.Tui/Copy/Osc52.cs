using System.Text;

namespace LogViewer.Tui.Copy;

/// <summary>
/// The OSC 52 "set clipboard" sequence: <c>ESC ] 52 ; c ; base64(UTF-8 text) BEL</c>. The terminal, not the host,
/// owns the clipboard, so this works over SSH and through tmux (with <c>set-clipboard on</c>, tmux keeps it as a
/// paste buffer and passes it on). Terminals cap how much they take (some at about 100 kB of sequence), so
/// <see cref="MaxTextBytes"/> is the most LogViewer sends.
/// </summary>
internal static class Osc52
{
    /// <summary>The most UTF-8 bytes of text sent: 74 KiB, 100 kB once base64-encoded.</summary>
    public const int MaxTextBytes = 75_000;

    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\u001b]52;c;" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\u0007";
    }

    /// <summary>The text's size as the clipboard sees it.</summary>
    public static int SizeOf(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>"812 B", "1.2 KB", "3.4 MB" (1 KB = 1024 bytes).</summary>
    public static string DescribeSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB",
    };
}
