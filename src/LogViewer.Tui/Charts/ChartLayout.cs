using System.Globalization;
using System.Text;
using LogViewer.Core.Metrics;
using LogViewer.Core.Model;
using LogViewer.Core.Text;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Charts;

/// <summary>
/// The chart pane's picture for a size, as a pure function of the chart: a legend row per replica (its letter, id,
/// last, min and max value), then the braille plot with the y range on its axis (max at the top, min at the bottom)
/// and the x range under it (step, or time in the zone the viewer shows). Each replica's series has a letter, drawn
/// at its newest point, so replicas are told apart without colour (<c>NO_COLOR</c>) too; with colour they also
/// have their palette colour.
/// </summary>
internal static class ChartLayout
{
    /// <summary>Below this the pane says it is too small rather than drawing a plot no one can read.</summary>
    public const int MinimumWidth = 24;

    public const int MinimumHeight = 6;

    private const int XLabelGap = 2;

    public static string Title(ChartState chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var by = chart.Data is { BySteps: true } ? "by step" : "by time";
        var replicas = chart.Data is { } data ? $" · {data.Series.Length} replica{(data.Series.Length == 1 ? string.Empty : "s")}" : string.Empty;
        var cycle = chart.EntryKeys.Length > 1 ? " · # next key" : string.Empty;
        return $"Chart: {TerminalText.Sanitize(chart.Key)} {by}{replicas}{cycle} · Esc closes";
    }

    /// <summary>The letter of the series at <paramref name="index"/> in the chart (a..z, then A..Z, then *).</summary>
    public static char LetterOf(int index) => index switch
    {
        < 26 => (char)('a' + index),
        < 52 => (char)('A' + index - 26),
        _ => '*',
    };

    public static List<List<ChartSpan>> Rows(ChartState chart, Func<string?, bool> visible, int width, int height, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(zone);
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        var rows = new List<List<ChartSpan>>(height);
        var shown = chart.Data is { } data
            ? data.Series.Select((series, index) => (Series: series, Index: index)).Where(s => visible(s.Series.Replica)).ToList()
            : [];
        string? message = chart.Data is null ? $"reading {chart.Key}..."
            : shown.Count == 0 ? $"every replica with {chart.Key} is hidden (x or i in the sidebar shows them)"
            : width < MinimumWidth || height < MinimumHeight ? "too small for a chart"
            : null;
        if (message is not null)
        {
            rows.Add([new ChartSpan(Fit(message, width), ChartSpan.Plain)]);
            return Padded(rows, width, height);
        }

        var bySteps = chart.Data!.BySteps;
        var legendRows = Math.Min(shown.Count, Math.Max(1, (height - MinimumHeight + 2) / 3));
        AddLegend(rows, shown, legendRows, width);

        var plotRows = height - legendRows - 2;
        var points = shown.Select(s => (s.Index, Points: PointsOf(s.Series, bySteps))).ToList();
        var all = points.SelectMany(p => p.Points).ToList();
        if (all.Count == 0)
        {
            rows.Add([new ChartSpan(Fit($"no point of {chart.Key} has a step to chart by", width), ChartSpan.Plain)]);
            return Padded(rows, width, height);
        }

        var (yMin, yMax) = (all.Min(p => p.Min), all.Max(p => p.Max));
        var (xMin, xMax) = (all.Min(p => p.X), all.Max(p => p.X));
        // A flat series has one value: it is drawn across the middle, labelled there alone.
        var yLabels = yMin == yMax ? [string.Empty, Number(yMin), string.Empty] : new[] { Number(yMax), Number((yMin + yMax) / 2), Number(yMin) };
        var labelWidth = yLabels.Max(l => l.Length);
        var plotColumns = Math.Max(1, width - labelWidth - 1);
        var canvas = new BrailleCanvas(plotColumns, plotRows);
        var (low, high) = yMin == yMax ? (yMin - Math.Max(1, Math.Abs(yMin) * 0.1), yMax + Math.Max(1, Math.Abs(yMax) * 0.1)) : (yMin, yMax);
        int Dx(double x) => xMin == xMax ? canvas.DotWidth / 2 : (int)Math.Round((x - xMin) / (xMax - xMin) * (canvas.DotWidth - 1));
        int Dy(double y) => (int)Math.Round((high - y) / (high - low) * (canvas.DotHeight - 1));
        var letters = new Dictionary<(int Column, int Row), int>();
        foreach (var (index, series) in points)
        {
            (int X, int Y)? previous = null;
            foreach (var point in series)
            {
                var x = Dx(point.X);
                canvas.Line(x, Dy(point.Min), x, Dy(point.Max), index);
                (int X, int Y) here = (x, Dy(point.Last));
                if (previous is { } from)
                {
                    canvas.Line(from.X, from.Y, here.X, here.Y, index);
                }

                previous = here;
            }

            if (previous is { } last)
            {
                PlaceLetter(letters, canvas, last.X / 2, last.Y / 4, index);
            }
        }

        for (var row = 0; row < plotRows; row++)
        {
            var label = row == 0 ? yLabels[0] : row == plotRows - 1 ? yLabels[2] : row == MiddleRow(plotRows, canvas) ? yLabels[1] : string.Empty;
            var line = new List<ChartSpan> { new(label.PadLeft(labelWidth) + (label.Length > 0 ? "┤" : "│"), ChartSpan.Axis) };
            for (var column = 0; column < plotColumns; column++)
            {
                if (letters.TryGetValue((column, row), out var letterOf))
                {
                    line.Add(new ChartSpan(LetterOf(letterOf).ToString(), letterOf));
                }
                else
                {
                    line.Add(new ChartSpan(canvas.CellAt(column, row).ToString(), canvas.IsEmpty(column, row) ? ChartSpan.Plain : canvas.OwnerAt(column, row)));
                }
            }

            rows.Add(Merged(line));
        }

        rows.Add([new ChartSpan(new string(' ', labelWidth) + "└" + new string('─', plotColumns), ChartSpan.Axis)]);
        rows.Add([new ChartSpan(XLabels(xMin, xMax, bySteps, labelWidth + 1, plotColumns, zone), ChartSpan.Axis)]);
        return Padded(rows, width, height);
    }

    /// <summary>The row holding the dot halfway down the canvas, where the middle label (and a flat series) goes.</summary>
    private static int MiddleRow(int plotRows, BrailleCanvas canvas) => plotRows > 2 ? (int)Math.Round((canvas.DotHeight - 1) / 2.0) / 4 : -1;

    /// <summary>A number as the axis and legend show it: 4 decimals at most, an exponent for the very small, whole for the large.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            0 => "0",
            >= 1e15 or < 1e-3 => value.ToString("0.00E+00", CultureInfo.InvariantCulture),
            >= 1000 => value.ToString("0", CultureInfo.InvariantCulture),
            _ => value.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }

    private static List<ChartPlotPoint> PointsOf(MetricSeriesSnapshot series, bool bySteps) =>
        [.. series.Points.Where(p => !bySteps || p.Step >= 0)
            .Select(p => new ChartPlotPoint(bySteps ? p.Step : p.Nanos, p.Min, p.Max, p.Last))
            .OrderBy(p => p.X)];

    private static void AddLegend(List<List<ChartSpan>> rows, List<(MetricSeriesSnapshot Series, int Index)> shown, int legendRows, int width)
    {
        var listed = shown.Count > legendRows ? legendRows - 1 : legendRows;
        var listedSeries = shown.Take(listed).Select(s => s.Series).ToList();
        var replicaWidth = listedSeries.Select(s => CellWidth.Of(ReplicaName(s))).DefaultIfEmpty(0).Max();
        int WidthOf(Func<MetricSeriesSnapshot, double> figure) => listedSeries.Select(s => Number(figure(s)).Length).DefaultIfEmpty(0).Max();
        var (lastWidth, minWidth, maxWidth) = (WidthOf(s => s.Last), WidthOf(s => s.Min), WidthOf(s => s.Max));
        foreach (var (series, index) in shown.Take(listed))
        {
            var name = ReplicaName(series);
            var figures = $"  last {Number(series.Last).PadRight(lastWidth)}  min {Number(series.Min).PadRight(minWidth)}  max {Number(series.Max).PadRight(maxWidth)}  {series.Lines:N0} line{(series.Lines == 1 ? string.Empty : "s")}";
            var head = $"{LetterOf(index)} {name}{new string(' ', Math.Max(0, replicaWidth - CellWidth.Of(name)))}";
            rows.Add([new ChartSpan(Fit(head, width), index), new ChartSpan(Fit(figures, Math.Max(0, width - CellWidth.Of(head))), ChartSpan.Plain)]);
        }

        if (shown.Count > listed)
        {
            var rest = shown.Skip(listed).Select(s => $"{LetterOf(s.Index)} {ReplicaName(s.Series)}");
            rows.Add([new ChartSpan(Fit($"+{shown.Count - listed} more: {string.Join("  ", rest)}", width), ChartSpan.Plain)]);
        }
    }

    private static string ReplicaName(MetricSeriesSnapshot series) => series.Replica is { } replica ? TerminalText.Sanitize(replica) : "(no replica)";

    /// <summary>The letter goes on the series' newest cell, or the nearest free one above or below when another letter is there.</summary>
    private static void PlaceLetter(Dictionary<(int, int), int> letters, BrailleCanvas canvas, int column, int row, int series)
    {
        foreach (var offset in new[] { 0, -1, 1, -2, 2 })
        {
            var at = (Math.Clamp(column, 0, canvas.Columns - 1), row + offset);
            if (at.Item2 >= 0 && at.Item2 < canvas.Rows && letters.TryAdd(at, series))
            {
                return;
            }
        }
    }

    private static string XLabels(double xMin, double xMax, bool bySteps, int indent, int columns, TimeZoneInfo zone)
    {
        var span = xMax - xMin;
        string Label(double x) => bySteps
            ? Math.Round(x).ToString("N0", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(Nanos.ToDateTimeOffset((long)x), zone).ToString(span >= 86_400e9 ? "MM-dd HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
        var left = (bySteps ? "step " : string.Empty) + Label(xMin);
        var right = Label(xMax);
        var middle = Label(xMin + (span / 2));
        var line = new StringBuilder(new string(' ', indent + columns));
        Put(line, indent, left);
        if (xMax > xMin && left.Length + right.Length + XLabelGap <= columns)
        {
            Put(line, indent + columns - right.Length, right);
            var middleAt = indent + (columns / 2) - (middle.Length / 2);
            if (middleAt >= indent + left.Length + XLabelGap && middleAt + middle.Length + XLabelGap <= indent + columns - right.Length && middle != left && middle != right)
            {
                Put(line, middleAt, middle);
            }
        }

        return line.ToString();
    }

    private static void Put(StringBuilder line, int at, string text)
    {
        for (var i = 0; i < text.Length && at + i < line.Length; i++)
        {
            line[at + i] = text[i];
        }
    }

    /// <summary>Neighbouring cells of one style as one span.</summary>
    private static List<ChartSpan> Merged(List<ChartSpan> cells)
    {
        var merged = new List<ChartSpan>();
        var text = new StringBuilder();
        var style = int.MinValue;
        foreach (var cell in cells)
        {
            if (cell.Series != style && text.Length > 0)
            {
                merged.Add(new ChartSpan(text.ToString(), style));
                text.Clear();
            }

            style = cell.Series;
            text.Append(cell.Text);
        }

        if (text.Length > 0)
        {
            merged.Add(new ChartSpan(text.ToString(), style));
        }

        return merged;
    }

    private static string Fit(string text, int width) => CellWidth.Of(text) <= width ? text : Terminal.Gui.Text.TextFormatter.ClipOrPad(text, width);

    private static List<List<ChartSpan>> Padded(List<List<ChartSpan>> rows, int width, int height)
    {
        while (rows.Count < height)
        {
            rows.Add([]);
        }

        rows.RemoveRange(height, rows.Count - height);
        return rows;
    }

    private readonly record struct ChartPlotPoint(double X, double Min, double Max, double Last);
}
