using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Core.Timeline;

namespace LogViewer.Tui.Timeline;

/// <summary>The timeline's words: a bucket's time range and counts, the bucket size, and the time labels of the axis.</summary>
internal static class TimelineText
{
    private const long Minute = 60_000_000_000L;
    private const long Day = 1440 * Minute;

    /// <summary>"12:03:00-12:04:00" (a day bucket: "2026-01-03").</summary>
    public static string RangeOf(TimelineHistogram histogram, int bucket, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var from = histogram.BucketStart(bucket);
        if (histogram.BucketNanos >= Day)
        {
            return Local(from, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Local(from, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "-" +
            Local(from + histogram.BucketNanos, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>"412 lines, 3 errors, 12 warnings".</summary>
    public static string CountsOf(BucketCounts counts) =>
        $"{Plural(counts.Total, "line")}, {Plural(counts.Errors, "error")}, {Plural(counts.Warnings, "warning")}";

    /// <summary>"1s", "15s", "2m", "1h", "1d": one bucket's width.</summary>
    public static string SizeOf(long bucketNanos) => bucketNanos switch
    {
        >= Day => $"{bucketNanos / Day}d",
        >= 60 * Minute => $"{bucketNanos / (60 * Minute)}h",
        >= Minute => $"{bucketNanos / Minute}m",
        _ => $"{bucketNanos / 1_000_000_000L}s",
    };

    /// <summary>A time label for the axis: seconds for buckets under a minute, the date for day buckets.</summary>
    public static string LabelOf(long nanos, long bucketNanos, TimeZoneInfo zone) =>
        Local(nanos, zone).ToString(
            bucketNanos >= Day ? "MM-dd" : bucketNanos < Minute ? "HH:mm:ss" : "HH:mm",
            CultureInfo.InvariantCulture);

    /// <summary>"12:03:14" (with the date when the range spans days).</summary>
    public static string TimeOf(long nanos, long bucketNanos, TimeZoneInfo zone) =>
        Local(nanos, zone).ToString(bucketNanos >= 60 * Minute ? "MM-dd HH:mm:ss" : "HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTime Local(long nanos, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(Nanos.ToDateTimeOffset(nanos), zone).DateTime;

    private static string Plural(long count, string noun) => $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}";
}
