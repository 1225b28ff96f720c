namespace LogViewer.Core.Timeline;

/// <summary>Lines in one time bucket of a <see cref="TimelineHistogram"/>, by level group.</summary>
/// <param name="Errors">Error lines, and the first line of each traceback (an error even when its lines carry no level).</param>
/// <param name="Warnings">Warning lines.</param>
/// <param name="Others">Every other line (info, debug, no level).</param>
public readonly record struct BucketCounts(int Errors, int Warnings, int Others)
{
    public int Total => Errors + Warnings + Others;
}
