using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// The training job's lifecycle as the tail sees it: the last status read, when it is due to be read again
/// (every JobStatusInterval, on the scheduler's clock), and when the job was first seen in a terminal state.
/// </summary>
internal sealed class TrainingJobWatcher(TrainingJobTarget target, TimeSpan interval)
{
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;

    public TrainingJobTarget Target => target;

    public TrainingJobInfo? Job { get; private set; }

    /// <summary>When the job was first seen finished; the trailing-lines grace runs from here.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsDue(DateTimeOffset now) => now >= _nextCheck;

    /// <summary>Records a status read at <paramref name="now"/>; true when the status differs from the previous one.</summary>
    public bool Record(TrainingJobInfo job, DateTimeOffset now)
    {
        var changed = Job?.CurrentStatus != job.CurrentStatus;
        Job = job;
        _nextCheck = now + interval;
        if (job.IsTerminal)
        {
            EndedAt ??= now;
        }

        return changed;
    }

    public bool TrailingGraceOver(DateTimeOffset now, TimeSpan grace) => EndedAt is { } ended && now >= ended + grace;
}
