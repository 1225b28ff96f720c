using LogViewer.Core.Model;

namespace LogViewer.Core.Watching;

/// <summary>
/// Finds a jump in a replica's error rate (<c>--notify errors</c>): at least <see cref="MinimumPerMinute"/> errors in
/// the last minute and at least <see cref="Factor"/> times the replica's rate over the ten minutes before it. Times are
/// the lines' own timestamps, so the detector is exact on a replayed or seeded stream. It judges only once it has seen
/// the whole eleven minutes (a tail's history counts), reports only surges that are recent at <c>now</c> (an old surge
/// in the loaded history is not news), and reports a replica once per surge: again only after its rate fell back.
/// Not thread-safe: fed from one thread.
/// </summary>
public sealed class ErrorSurgeDetector
{
    public const int MinimumPerMinute = 5;

    public const int Factor = 10;

    private static readonly long Minute = TimeSpan.FromMinutes(1).Ticks * 100;

    private static readonly long Baseline = 10 * Minute;

    private readonly Dictionary<string, Queue<long>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _surging = new(StringComparer.Ordinal);
    private long? _firstSeen;

    /// <summary>Takes a batch of new lines; returns the surges that began in it and are recent at <paramref name="now"/>.</summary>
    public IReadOnlyList<ErrorSurge> Observe(IReadOnlyList<LogEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var recentFrom = (now.ToUnixTimeMilliseconds() * 1_000_000) - Minute;
        List<ErrorSurge>? surges = null;
        foreach (var entry in entries)
        {
            _firstSeen = Math.Min(_firstSeen ?? entry.TimestampNanos, entry.TimestampNanos);
            if (entry.Level != LogLevel.Error)
            {
                continue;
            }

            var replica = entry.Replica ?? string.Empty;
            if (!_errors.TryGetValue(replica, out var times))
            {
                times = new Queue<long>();
                _errors[replica] = times;
            }

            var at = entry.TimestampNanos;
            times.Enqueue(at);
            while (times.Peek() <= at - Minute - Baseline)
            {
                times.Dequeue();
            }

            var lastMinute = times.Count(t => t > at - Minute);
            var before = times.Count - lastMinute;
            var baselinePerMinute = before / 10.0;
            var surging = at - _firstSeen >= Minute + Baseline && lastMinute >= MinimumPerMinute && lastMinute >= Factor * baselinePerMinute;
            if (!surging)
            {
                _surging.Remove(replica);
                continue;
            }

            if (_surging.Add(replica) && at >= recentFrom)
            {
                (surges ??= []).Add(new ErrorSurge(entry.Replica, lastMinute, baselinePerMinute, at));
            }
        }

        return surges ?? (IReadOnlyList<ErrorSurge>)[];
    }
}
