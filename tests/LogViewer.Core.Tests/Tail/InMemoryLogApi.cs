using LogViewer.Core.Decoding;
using System.Reactive.Concurrency;
using LogViewer.Core.Api;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tests.Tail;

/// <summary>
/// An <see cref="ILogApi"/> over a list of lines with the log endpoint's window semantics: start and end are whole
/// milliseconds, both inclusive (defaults: end = now, start = end - 30 min); ascending order keeps lines that share
/// a timestamp in the order they were added; descending is the exact reverse; at most <c>limit</c> lines (500 by
/// default). A line can become visible late (ingestion lag). Scripted failures are thrown before answering.
/// </summary>
internal sealed class InMemoryLogApi(IScheduler scheduler) : ILogApi
{
    private readonly List<(LogEntry Entry, DateTimeOffset VisibleAt)> _lines = [];

    public List<(DateTimeOffset At, LogQuery Query)> Requests { get; } = [];

    public List<DateTimeOffset> JobRequests { get; } = [];

    public List<DateTimeOffset> DeploymentRequests { get; } = [];

    /// <summary>The deployment's status and replica count at a moment; ACTIVE with one replica when not set.</summary>
    public Func<DateTimeOffset, (string Status, int Replicas)> DeploymentStatus { get; set; } = _ => ("ACTIVE", 1);

    /// <summary>Failures thrown by the next log requests, in order.</summary>
    public Queue<Exception> Failures { get; } = new();

    /// <summary>The training job's status as a function of the virtual time.</summary>
    public Func<DateTimeOffset, string> JobStatus { get; set; } = _ => "TRAINING_JOB_RUNNING";

    /// <summary>The job's created_at, when the answer gives one.</summary>
    public DateTimeOffset? JobCreatedAt { get; set; }

    /// <summary>The job's error_message once its status is terminal.</summary>
    public string? JobErrorMessage { get; set; }

    /// <summary>Malformed entries to report with every answer that covers this millisecond.</summary>
    public Dictionary<long, int> MalformedAt { get; } = [];

    public void Add(LogEntry entry, DateTimeOffset? visibleAt = null)
    {
        // Stable insert: after every line with the same or an older timestamp.
        int low = 0, high = _lines.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_lines[mid].Entry.TimestampNanos <= entry.TimestampNanos)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        _lines.Insert(low, (entry, visibleAt ?? DateTimeOffset.MinValue));
    }

    public void AddRange(IEnumerable<LogEntry> entries)
    {
        foreach (var entry in entries)
        {
            Add(entry);
        }
    }

    public Task<LogPage> GetLogsAsync(LogTarget target, LogQuery query, CancellationToken cancellationToken)
    {
        var now = scheduler.Now;
        Requests.Add((now, query));
        if (Failures.TryDequeue(out var failure))
        {
            return Task.FromException<LogPage>(failure);
        }

        var problems = query.Validate(target);
        if (problems.Count > 0)
        {
            return Task.FromException<LogPage>(new LogApiException(ApiFailureKind.BadRequest, string.Join(" ", problems), 400));
        }

        var end = query.EndEpochMillis ?? now.ToUnixTimeMilliseconds();
        var start = query.StartEpochMillis ?? end - 30 * 60 * 1000;
        if (start > end)
        {
            // As the API does when a cursor has run past its now (an open end is the server's now).
            return Task.FromException<LogPage>(new LogApiException(ApiFailureKind.BadRequest, $"start_epoch_millis ({start}) must not be after end_epoch_millis ({end}).", 400));
        }

        var first = FirstIndexAtOrAfter(Nanos.FromEpochMillis(start));
        var afterLast = FirstIndexAtOrAfter(Nanos.FromEpochMillis(end + 1));
        var limit = query.Limit ?? 500;
        var page = new List<LogEntry>();
        var descending = query.Direction == SortDirection.Descending;
        for (var n = 0; n < afterLast - first && page.Count < limit; n++)
        {
            var (entry, visibleAt) = _lines[descending ? afterLast - 1 - n : first + n];
            if (visibleAt <= now)
            {
                page.Add(entry);
            }
        }

        var malformed = MalformedAt.Where(m => m.Key >= start && m.Key <= end).Sum(m => m.Value);
        var decoding = malformed == 0 ? DecodeReport.None : DecodeReport.None with
        {
            Skipped = DecodeReport.None.Skipped.Add(LogV1Decoder.BadTimestamp, malformed),
        };
        return Task.FromResult(new LogPage(page, decoding));
    }

    public Task<TrainingJobInfo> GetTrainingJobAsync(TrainingJobTarget target, CancellationToken cancellationToken)
    {
        JobRequests.Add(scheduler.Now);
        var job = new TrainingJobInfo(target.JobId, "job", JobStatus(scheduler.Now), null) { CreatedAt = JobCreatedAt };
        return Task.FromResult(job.IsTerminal ? job with { ErrorMessage = JobErrorMessage } : job);
    }

    public Task<DeploymentInfo> GetDeploymentAsync(DeploymentTarget target, CancellationToken cancellationToken)
    {
        DeploymentRequests.Add(scheduler.Now);
        var (status, replicas) = DeploymentStatus(scheduler.Now);
        return Task.FromResult(new DeploymentInfo(target.DeploymentId, target.ModelId, "deployment-1", status, replicas, true, false, "production", null));
    }

    private int FirstIndexAtOrAfter(long nanos)
    {
        int low = 0, high = _lines.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_lines[mid].Entry.TimestampNanos < nanos)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
