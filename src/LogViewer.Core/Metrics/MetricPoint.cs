namespace LogViewer.Core.Metrics;

/// <summary>
/// One point of a metric series, or a bucket of neighbouring points once the series outgrew its cap and was merged in
/// pairs: where it starts (time, and step when its lines carry one), the lowest and highest value in it, the value of
/// its newest line, and how many lines it holds. A single line has <c>Min == Max == Last</c> and <c>Count == 1</c>.
/// </summary>
/// <param name="Nanos">Epoch nanoseconds of the (first) line.</param>
/// <param name="Step">The line's <c>step</c>, or -1 when it had none.</param>
/// <param name="Min">The lowest value in the bucket.</param>
/// <param name="Max">The highest value in the bucket.</param>
/// <param name="Last">The value of the bucket's newest line.</param>
/// <param name="Count">Lines in the bucket.</param>
public readonly record struct MetricPoint(long Nanos, long Step, double Min, double Max, double Last, int Count)
{
    public static MetricPoint Of(long nanos, long step, double value) => new(nanos, step, value, value, value, 1);

    /// <summary>This bucket and the one after it, as one bucket.</summary>
    public MetricPoint Merge(MetricPoint next) =>
        new(Nanos, Step >= 0 ? Step : next.Step, Math.Min(Min, next.Min), Math.Max(Max, next.Max), next.Last, Count + next.Count);
}
