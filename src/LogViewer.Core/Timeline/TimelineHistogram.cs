namespace LogViewer.Core.Timeline;

/// <summary>
/// How many lines a filtered view shows per time bucket, by level group (error, warning, other), in total and per
/// replica: what the timeline strip draws. Buckets are <see cref="BucketNanos"/> wide, aligned to multiples of that
/// size in local time, and run from <see cref="StartNanos"/> for <see cref="Count"/> buckets. An immutable value.
/// </summary>
public sealed class TimelineHistogram
{
    private readonly int[] _counts;

    internal TimelineHistogram(long startNanos, long bucketNanos, int[] counts, IReadOnlyList<ReplicaBuckets> replicas, long skippedBefore, long? firstErrorNanos)
    {
        StartNanos = startNanos;
        BucketNanos = bucketNanos;
        _counts = counts;
        Replicas = replicas;
        SkippedBefore = skippedBefore;
        FirstErrorNanos = firstErrorNanos;
        for (var bucket = 0; bucket < Count; bucket++)
        {
            var at = At(bucket);
            Lines += at.Total;
            Errors += at.Errors;
            MaxTotal = Math.Max(MaxTotal, at.Total);
        }
    }

    /// <summary>No lines: no buckets.</summary>
    public static TimelineHistogram Empty { get; } = new(0, BucketLadder.Sizes[0].Ticks * 100, [], [], 0, null);

    public long StartNanos { get; }

    public long BucketNanos { get; }

    public int Count => _counts.Length / 3;

    /// <summary>Lines in the buckets (the view's lines but for <see cref="SkippedBefore"/>).</summary>
    public long Lines { get; }

    public long Errors { get; }

    /// <summary>The most lines in one bucket: the bars' scale.</summary>
    public int MaxTotal { get; }

    /// <summary>Lines older than the first bucket: only when even day buckets do not fit the range into the columns.</summary>
    public long SkippedBefore { get; }

    /// <summary>The time of the first error line in the buckets; <c>null</c> without errors.</summary>
    public long? FirstErrorNanos { get; }

    /// <summary>Every replica with lines in the buckets, in the order the store first saw them.</summary>
    public IReadOnlyList<ReplicaBuckets> Replicas { get; }

    public BucketCounts At(int bucket) => Read(_counts, bucket);

    public long BucketStart(int bucket) => StartNanos + (bucket * BucketNanos);

    /// <summary>The bucket holding <paramref name="nanos"/>, clamped to 0..Count-1; -1 when there are no buckets.</summary>
    public int BucketOf(long nanos)
    {
        if (Count == 0)
        {
            return -1;
        }

        var offset = nanos - StartNanos;
        return offset < 0 ? 0 : (int)Math.Min(Count - 1, offset / BucketNanos);
    }

    internal static BucketCounts Read(int[] counts, int bucket)
    {
        var at = bucket * 3;
        return new BucketCounts(counts[at], counts[at + 1], counts[at + 2]);
    }
}
