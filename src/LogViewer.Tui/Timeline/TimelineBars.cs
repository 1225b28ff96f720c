using LogViewer.Core.Timeline;

namespace LogViewer.Tui.Timeline;

/// <summary>
/// The cells of the timeline's bars, readable without colour. A bar is as tall as its bucket's lines (in eighths of a
/// cell, <c>▁▂▃▄▅▆▇█</c>), stacked from the foot: errors, warnings, then the other lines; a whole cell that is mostly
/// errors is <c>▓</c>, mostly warnings <c>▒</c> (and red or yellow with colour). Under the bars a level row says
/// <c>E</c> for every bucket with an error and <c>W</c> for one with a warning, however few they are beside the rest:
/// one error among a thousand lines still shows where errors began.
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

        var full = height * 8;
        var total = Math.Clamp(Scaled(counts.Total, max, full), 1, full);
        var errors = Math.Min(total, Scaled(counts.Errors, max, full));
        var warnings = Math.Min(total - errors, Scaled(counts.Warnings, max, full));
        for (var cell = 0; cell < height; cell++)
        {
            var from = cell * 8;
            var to = Math.Min(total, from + 8);
            if (to <= from)
            {
                break;
            }

            // The group holding most of the cell names it; a tie goes to the more severe.
            var inErrors = Overlap(from, to, 0, errors);
            var inWarnings = Overlap(from, to, errors, errors + warnings);
            var inOthers = to - from - inErrors - inWarnings;
            var kind = inErrors > 0 && inErrors >= inWarnings && inErrors >= inOthers ? TimelineCellKind.Error
                : inWarnings > 0 && inWarnings >= inOthers ? TimelineCellKind.Warning
                : TimelineCellKind.Other;
            var glyph = to - from < 8 ? Eighths[to - from] : kind switch
            {
                TimelineCellKind.Error => '▓',
                TimelineCellKind.Warning => '▒',
                _ => '█',
            };
            cells[cell] = new TimelineCell(glyph, kind);
        }

        return cells;
    }

    /// <summary>The level row's cell: <c>E</c> when the bucket has an error, <c>W</c> a warning, else blank.</summary>
    public static TimelineCell Level(BucketCounts counts) =>
        counts.Errors > 0 ? Error : counts.Warnings > 0 ? Warning : TimelineCell.Blank;

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

    private static int Overlap(int from, int to, int start, int end) => Math.Max(0, Math.Min(to, end) - Math.Max(from, start));

    private static int Scaled(int value, int max, int full) => (int)Math.Round((double)value * full / max, MidpointRounding.AwayFromZero);

    private static long Modulo(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
