namespace LogViewer.Core.Tail;

/// <summary>
/// Lets a viewer resume a tail that stopped polling because its training job ended (<see cref="TailState.Stopped"/>):
/// with a control in <see cref="TailOptions.Control"/> the stream waits instead of completing, and
/// <see cref="Resume"/> sends it back to polling, for good (as <c>--no-exit</c> would). Thread-safe.
/// </summary>
public sealed class TailControl
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _resume;
    private bool _resumeRequested;

    /// <summary>Resumes a stopped tail; before it has stopped, keeps it from stopping.</summary>
    public void Resume()
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            _resumeRequested = true;
            waiting = _resume;
        }

        waiting?.TrySetResult();
    }

    /// <summary>Whether <see cref="Resume"/> has been called.</summary>
    public bool ResumeRequested
    {
        get
        {
            lock (_gate)
            {
                return _resumeRequested;
            }
        }
    }

    internal Task WaitForResumeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_resumeRequested)
            {
                return Task.CompletedTask;
            }

            // Continuations run inside Resume(): the tail is back on its scheduler before Resume() returns.
            var resume = new TaskCompletionSource();
            _resume = resume;
            cancellationToken.Register(() => resume.TrySetCanceled(cancellationToken));
            return resume.Task;
        }
    }
}
