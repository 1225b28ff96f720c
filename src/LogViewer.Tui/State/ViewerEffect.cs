using LogViewer.Core.Filtering;

namespace LogViewer.Tui.State;

/// <summary>
/// Something the reducer asks the program to do (the Bubble Tea <c>Cmd</c>): the reducer stays pure and the program
/// runs each effect; an effect's result comes back as a <see cref="ViewerAction"/> message. A feature adds its
/// effects as records deriving from this one and teaches <c>ViewerProgram</c> to run them.
/// </summary>
internal abstract record ViewerEffect;

/// <summary>Re-filter the store's view with <paramref name="Filter"/>; its new snapshot arrives as <see cref="ViewChanged"/>.</summary>
internal sealed record Refilter(LogFilter Filter) : ViewerEffect;

/// <summary>Take the filtered view's latest snapshot and measure its figures; answered with <see cref="DataChanged"/>.</summary>
internal sealed record ReadView : ViewerEffect
{
    public static ReadView Instance { get; } = new();
}

/// <summary>Stop the viewer (the terminal is restored and the program returns).</summary>
internal sealed record Quit : ViewerEffect
{
    public static Quit Instance { get; } = new();
}

/// <summary>Turn the terminal's mouse reporting on or off (M, <c>--no-mouse</c>).</summary>
internal sealed record SetMouseReporting(bool On) : ViewerEffect;
