namespace LogViewer.Tui.Charts;

/// <summary>A run of a chart row drawn in one style: a series' colour (its index), the axis's faint style, or plain.</summary>
internal readonly record struct ChartSpan(string Text, int Series)
{
    /// <summary>Plain text (titles, messages).</summary>
    public const int Plain = -1;

    /// <summary>Axes and their labels.</summary>
    public const int Axis = -2;
}
