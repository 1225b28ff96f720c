using LogViewer.Core.Timeline;

namespace LogViewer.Tui.Timeline;

/// <summary>
/// The cells of the timeline's bars, readable without colour: errors are <c>E</c> cells at the foot of a bar, warnings
/// <c>W</c> cells above them, other lines a block in eighths (<c>▁▂▃▄▅▆▇█</c>) on top. A bucket with any error shows
/// at least one <c>E</c> cell (and with warnings a <c>W</c> when the bar has room), however few they are beside the
/// rest: one error among a thousand lines still shows where errors began.
/// </summary>
internal static class TimelineBars
{
    private const string Eighths = " ▁▂▃▄▅▆▇█";

    public static TimelineCell Error { get; } = new('E', TimelineCellKind.Error);

    public static TimelineCell Warning { get; } = new('W', TimelineCellKind.Warning);

    /// <summary>A bar <paramref name="height"/> cells high, bottom first, scaled so <paramref name="max"/> lines fill it.</summary>
    public static TimelineCell[] Stacked(BucketCounts counts, int max, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var cells = new TimelineCell[height];
        Array.Fill(cells, TimelineCell.Blank);
        if (counts.Total == 0 || max <= 0)
        {
            return cells;
        }

        // The bar is as tall as its lines; errors, then warnings take whole cells of it from the foot (at least one
        // each while there is room), and the other lines the eighths above them.
        var total = Math.Max(1, Scaled(counts.Total, max, height * 8));
        var tall = Math.Min(height, (total + 7) / 8);
        var errors = counts.Errors > 0 ? Math.Clamp(Scaled(counts.Errors, max, height), 1, tall) : 0;
        var warnings = counts.Warnings > 0 ? Math.Clamp(Scaled(counts.Warnings, max, height), Math.Min(1, tall - errors), tall - errors) : 0;
        var room = (height - errors - warnings) * 8;
        var others = counts.Others > 0 && room > 0 ? Math.Clamp(total - ((errors + warnings) * 8), 1, room) : 0;
        for (var cell = 0; cell < height; cell++)
        {
            if (cell < errors)
            {
                cells[cell] = Error;
            }
            else if (cell < errors + warnings)
            {
                cells[cell] = Warning;
            }
            else
            {
                var eighths = Math.Clamp(others - ((cell - errors - warnings) * 8), 0, 8);
                cells[cell] = eighths == 0 ? TimelineCell.Blank : new TimelineCell(Eighths[eighths], TimelineCellKind.Other);
            }
        }

        return cells;
    }

    /// <summary>One cell for a replica's row: <c>E</c> when the bucket has an error, <c>W</c> a warning, else a block in eighths.</summary>
    public static TimelineCell Single(BucketCounts counts, int max)
    {
        if (counts.Errors > 0)
        {
            return Error;
        }

        if (counts.Warnings > 0)
        {
            return Warning;
        }

        return counts.Total == 0 || max <= 0 ? TimelineCell.Blank : new TimelineCell(Eighths[Math.Clamp(Scaled(counts.Total, max, 8), 1, 8)], TimelineCellKind.Other);
    }

    /// <summary>
    /// The axis under the bars: time labels at round times (each label starts at its bucket's column), as wide as
    /// <paramref name="width"/>; a label is left out where it would cover <paramref name="keepClear"/>, the cursor's column.
    /// </summary>
    public static string Axis(TimelineHistogram histogram, TimeZoneInfo zone, int width, int keepClear)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var line = new char[Math.Max(0, width)];
        Array.Fill(line, ' ');
        if (histogram.Count == 0)
        {
            return new string(line);
        }

        var labelWidth = TimelineText.LabelOf(histogram.StartNanos, histogram.BucketNanos, zone).Length;
        var step = LabelStep(histogram.BucketNanos, labelWidth + 2);
        var offset = zone.GetUtcOffset(Core.Model.Nanos.ToDateTimeOffset(histogram.StartNanos)).Ticks * 100;
        for (var bucket = 0; bucket < histogram.Count && bucket < width; bucket++)
        {
            var start = histogram.BucketStart(bucket);
            if (Modulo(start + offset, step) != 0 || bucket + labelWidth > width || (keepClear >= bucket && keepClear < bucket + labelWidth))
            {
                continue;
            }

            TimelineText.LabelOf(start, histogram.BucketNanos, zone).CopyTo(line.AsSpan(bucket));
        }

        return new string(line);
    }

    /// <summary>The smallest round span (from the bucket ladder, then weeks) of at least <paramref name="columns"/> buckets.</summary>
    private static long LabelStep(long bucketNanos, int columns)
    {
        var spans = BucketLadder.Sizes.Select(size => size.Ticks * 100).Concat([7 * 86_400_000_000_000L, 28 * 86_400_000_000_000L]);
        foreach (var span in spans)
        {
            if (span % bucketNanos == 0 && span / bucketNanos >= columns)
            {
                return span;
            }
        }

        return bucketNanos * columns;
    }

    private static int Scaled(int value, int max, int full) => (int)Math.Round((double)value * full / max, MidpointRounding.AwayFromZero);

    private static long Modulo(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
