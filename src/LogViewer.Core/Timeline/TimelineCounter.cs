using LogViewer.Core.Filtering;
using LogViewer.Core.Model;
using LogViewer.Core.Store;

namespace LogViewer.Core.Timeline;

/// <summary>
/// Counts the lines of a <see cref="FilteredSnapshot"/> (what the filters show) into timeline buckets: one pass over
/// its matches, chunk by chunk, reading only the timestamp, level and replica arrays (no message is decoded), so
/// 1,000,000 lines take milliseconds. The bucket size is the smallest of <see cref="BucketLadder"/> that fits the
/// view's time range into the columns given.
/// </summary>
public static class TimelineCounter
{
    private const int Error = 0;
    private const int Warning = 1;
    private const int Other = 2;

    /// <param name="rows">The filtered view.</param>
    /// <param name="columns">Buckets at most (the strip's width).</param>
    /// <param name="alignOffset">The local zone's offset from UTC: buckets start at local multiples of their size.</param>
    /// <param name="cancellation">Stops the count (a newer one was asked for).</param>
    public static TimelineHistogram Count(FilteredSnapshot rows, int columns, TimeSpan alignOffset, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (rows.Count == 0)
        {
            return TimelineHistogram.Empty;
        }

        var first = rows.TimestampAt(0);
        var last = rows.TimestampAt(rows.Count - 1);
        var size = BucketLadder.SizeNanosFor(first, last, columns, alignOffset);
        var start = BucketLadder.BucketStart(first, size, alignOffset);
        var lastStart = BucketLadder.BucketStart(last, size, alignOffset);
        var buckets = (int)((lastStart - start) / size) + 1;
        if (buckets > columns)
        {
            // Even day buckets are too many: show the newest ones.
            start = lastStart - ((columns - 1) * size);
            buckets = columns;
        }

        var counts = new int[buckets * 3];
        var byReplica = new List<int[]?>();
        var store = rows.Store;
        var buffer = new int[LogChunk.MaxEntries];
        long skipped = 0;
        long? firstError = null;
        for (var k = 0; k < store.ChunkCount; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            var chunk = store.Chunk(k);
            var n = rows.CopyMatches(k, buffer);
            for (var i = 0; i < n; i++)
            {
                var local = buffer[i];
                var time = chunk.Timestamp(local);
                if (time < start)
                {
                    skipped++;
                    continue;
                }

                var group = chunk.EntryLevel(local) switch
                {
                    LogLevel.Error => Error,
                    LogLevel.Warning => Warning,
                    _ => Other,
                };
                if (group == Error && firstError is null)
                {
                    firstError = time;
                }

                var slot = ((int)((time - start) / size) * 3) + group;
                counts[slot]++;
                var replica = chunk.ReplicaCode(local);
                while (byReplica.Count <= replica)
                {
                    byReplica.Add(null);
                }

                (byReplica[replica] ??= new int[buckets * 3])[slot]++;
            }
        }

        var names = store.ReplicaNames;
        var replicas = new List<ReplicaBuckets>();
        for (var code = 0; code < byReplica.Count; code++)
        {
            if (byReplica[code] is { } replicaCounts)
            {
                replicas.Add(new ReplicaBuckets(names[code], replicaCounts));
            }
        }

        return new TimelineHistogram(start, size, counts, replicas, skipped, firstError);
    }
}
