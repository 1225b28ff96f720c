using LogViewer.Tui.State;

namespace LogViewer.Tui.Lifecycle;

/// <summary><c>R</c>: poll again a training job's tail that stopped when the job ended.</summary>
internal sealed record ResumeTail : ViewerAction;

/// <summary><c>p</c>: back to the picker (when the viewer was opened from it).</summary>
internal sealed record BackToPicker : ViewerAction;

/// <summary>Ask the tail to poll again (<c>TailControl.Resume</c>).</summary>
internal sealed record ResumeTailing : ViewerEffect
{
    public static ResumeTailing Instance { get; } = new();
}

/// <summary>Leave the log view for the picker; the tail is disposed.</summary>
internal sealed record ReturnToPicker : ViewerEffect
{
    public static ReturnToPicker Instance { get; } = new();
}
