namespace LogViewer.Core.Timeline;

/// <summary>One replica's row of a <see cref="TimelineHistogram"/>: its lines per bucket, by level group.</summary>
public sealed class ReplicaBuckets
{
    private readonly int[] _counts;

    internal ReplicaBuckets(string? replica, int[] counts)
    {
        Replica = replica;
        _counts = counts;
        for (var bucket = 0; bucket < counts.Length / 3; bucket++)
        {
            var total = At(bucket).Total;
            Lines += total;
            MaxTotal = Math.Max(MaxTotal, total);
        }
    }

    /// <summary>The replica's name; <c>null</c> for lines without one.</summary>
    public string? Replica { get; }

    public long Lines { get; }

    /// <summary>The most lines in one bucket of this replica.</summary>
    public int MaxTotal { get; }

    public BucketCounts At(int bucket) => TimelineHistogram.Read(_counts, bucket);
}
