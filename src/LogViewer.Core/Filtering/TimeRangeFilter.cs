namespace LogViewer.Core.Filtering;

/// <summary>Keeps lines with a timestamp in [<see cref="FromNanos"/>, <see cref="ToNanos"/>] (either end open when null).</summary>
public sealed record TimeRangeFilter(long? FromNanos, long? ToNanos) : LogFilter
{
    public override string Describe() => $"time {FromNanos?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}..{ToNanos?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";

    internal override bool ImpliesTerm(LogFilter other) =>
        other is TimeRangeFilter theirs
        && (theirs.FromNanos is not { } f || FromNanos >= f)
        && (theirs.ToNanos is not { } t || ToNanos <= t);

    internal override EntryPredicate Compile() => new TimeRangePredicate(FromNanos ?? long.MinValue, ToNanos ?? long.MaxValue);
}
