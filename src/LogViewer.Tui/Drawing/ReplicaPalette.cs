using Terminal.Gui.Drawing;

namespace LogViewer.Tui.Drawing;

/// <summary>
/// A replica's colour: a stable hash of its id picks one of the 16-colour palette's readable foregrounds, so a
/// replica has the same colour in the pane, in the sidebar, and in every run.
/// </summary>
internal static class ReplicaPalette
{
    private static readonly ColorName16[] Colors =
    [
        ColorName16.Cyan, ColorName16.Magenta, ColorName16.Green, ColorName16.Yellow, ColorName16.Blue,
        ColorName16.BrightCyan, ColorName16.BrightMagenta, ColorName16.BrightGreen, ColorName16.BrightYellow,
        ColorName16.BrightBlue,
    ];

    public static ColorName16 ColorOf(string replica)
    {
        ArgumentNullException.ThrowIfNull(replica);

        // FNV-1a: string.GetHashCode is randomized per process, and colours must not change between runs.
        var hash = 2166136261u;
        foreach (var c in replica)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Colors[hash % (uint)Colors.Length];
    }
}
