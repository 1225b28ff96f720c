namespace LogViewer.Core.Tail;

/// <summary>Why the engine is waiting in <see cref="TailState.Retrying"/>.</summary>
public enum RetryReason
{
    None,
    RateLimited,
    ServerError,
    Network,
}
