using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Tui.Session;

namespace LogViewer.Tui.Picker;

/// <summary>
/// What the picker needs: where targets are listed (null when there is no usable connection, with
/// <see cref="Unavailable"/> saying why and how to fix it), a label for the source, and how to open a target's
/// logs as a <see cref="TuiSession"/> (the command line builds the tail there).
/// </summary>
public sealed record PickerSession(ITargetDirectory? Directory, string Source, Func<LogTarget, string, TuiSession> Open)
{
    /// <summary>Why there is no directory: no key, a bad URL. Shown in the picker instead of rows.</summary>
    public string? Unavailable { get; init; }

    /// <summary>Clock and time zone for the listing's times; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
