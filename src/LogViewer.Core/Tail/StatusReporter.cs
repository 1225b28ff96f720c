using System.Globalization;
using LogViewer.Core.Api;
using LogViewer.Core.Model;
using LogViewer.Core.Text;

namespace LogViewer.Core.Tail;

/// <summary>
/// Builds the engine's <see cref="TailStatus"/> events: the time from the wall clock, the training job's status
/// on every event once known, and one human sentence per state.
/// </summary>
internal sealed class StatusReporter(TimeProvider clock, Action<TailEvent> emit)
{
    public string? JobStatus { get; set; }

    public string? JobError { get; set; }

    public DateTimeOffset? JobEndedAt { get; set; }

    public DeploymentInfo? Deployment { get; set; }

    public HistoryProgress? History { get; set; }

    public TailState? Current => _last?.State;

    private TailStatus? _last;

    public void Report(TailState state, string message, Func<TailStatus, TailStatus>? details = null) =>
        Report(state, clock.GetUtcNow(), message, details);

    private void Report(TailState state, DateTimeOffset at, string message, Func<TailStatus, TailStatus>? details)
    {
        var status = new TailStatus(state, at, message) { JobStatus = JobStatus, JobError = JobError, JobEndedAt = JobEndedAt, Deployment = Deployment, History = History };
        Emit(details is null ? status : details(status));
    }

    /// <summary>The last status again, with a new message and the lifecycle fields as they are now.</summary>
    public void Republish(string message)
    {
        if (_last is { } last)
        {
            Emit(last with { At = clock.GetUtcNow(), Message = message, JobStatus = JobStatus, JobError = JobError, JobEndedAt = JobEndedAt, Deployment = Deployment, History = History });
        }
    }

    private void Emit(TailStatus status)
    {
        _last = status;
        emit(status);
    }

    public void Live(DateTimeOffset lastPollAt) =>
        Report(TailState.Live, $"Live: last poll at {Clock(lastPollAt)}.", s => s with { LastPollAt = lastPollAt });

    public void CatchingUp(TimeSpan behind) =>
        Report(TailState.CatchingUp, $"Catching up: {HumanText.Duration(behind)} behind.", s => s with { Behind = behind });

    public void Retrying(RetryNotice notice)
    {
        var now = clock.GetUtcNow();
        var retryAt = now + notice.Delay;
        var reason = notice.Failure.Kind switch
        {
            ApiFailureKind.RateLimited => RetryReason.RateLimited,
            ApiFailureKind.ServerError or ApiFailureKind.InvalidResponse or ApiFailureKind.AnswerTooLarge => RetryReason.ServerError,
            _ => RetryReason.Network,
        };
        // A wait cut to the ceiling says so: the user sees both what the server asked and what is done.
        var capped = notice.Failure.RetryAfter is { } asked && asked > notice.Delay
            ? $" (the server asked to wait {HumanText.Duration(notice.Failure.RetryAfter.Value)}; LogViewer waits at most {HumanText.Duration(TransientFailureRetry.ServerWaitCeiling)})"
            : string.Empty;
        Report(
            TailState.Retrying,
            now,
            notice.Delay == TimeSpan.Zero
                ? $"{notice.Failure.Message.TrimEnd('.')}. Retry {notice.Attempt} now."
                : $"{notice.Failure.Message.TrimEnd('.')}. Retry {notice.Attempt} in {HumanText.Duration(notice.Delay)}{capped}, at {Clock(retryAt)}.",
            s => s with { Reason = reason, RetryAt = retryAt });
    }

    public void Fatal(LogApiException failure) =>
        Report(TailState.Fatal, failure.Message, s => s with { Failure = failure.Kind });

    public static string Clock(DateTimeOffset time) =>
        time.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
