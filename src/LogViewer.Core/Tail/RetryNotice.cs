using LogViewer.Core.Api;

namespace LogViewer.Core.Tail;

/// <summary>A transient failure about to be retried after <see cref="Delay"/>; <see cref="Attempt"/> counts from 1.</summary>
internal sealed record RetryNotice(LogApiException Failure, TimeSpan Delay, int Attempt);
