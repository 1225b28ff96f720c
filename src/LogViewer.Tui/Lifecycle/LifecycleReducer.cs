using LogViewer.Tui.State;

namespace LogViewer.Tui.Lifecycle;

/// <summary>The viewer reducer's cases for the lifecycle: R resumes a stopped tail; p leaves for the picker.</summary>
internal static class LifecycleReducer
{
    /// <summary>The update for <paramref name="action"/>, or null when it is not a lifecycle message.</summary>
    public static ViewerUpdate? Update(ViewerState state, ViewerAction action)
    {
        ArgumentNullException.ThrowIfNull(state);
        switch (action)
        {
            case ResumeTail when state.Lifecycle.Stopped:
                return new ViewerUpdate(state with { Lifecycle = state.Lifecycle with { Stopped = false }, Notice = "resumed: polling again" }, [ResumeTailing.Instance]);
            case ResumeTail:
                return state with { Notice = "R resumes polling after a training job ended; this tail has not stopped" };
            case BackToPicker when state.Lifecycle.CanGoBack:
                return new ViewerUpdate(state, [ReturnToPicker.Instance]);
            case BackToPicker:
                return state with { Notice = "p returns to the picker when logviewer was started without a target (logviewer pick)" };
            default:
                return null;
        }
    }
}
