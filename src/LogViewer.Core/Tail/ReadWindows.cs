using LogViewer.Core.Api;

namespace LogViewer.Core.Tail;

/// <summary>A range of whole milliseconds, inclusive at both ends, as the API's start and end parameters mean it.</summary>
internal readonly record struct ReadWindow(long StartEpochMillis, long EndEpochMillis)
{
    private static readonly long MaxSpanMillis = (long)LogQuery.MaxWindow.TotalMilliseconds;

    /// <summary>
    /// Splits [start, end] into consecutive windows the API accepts (end - start at most 7 days), in order,
    /// without gap or overlap: each window starts one millisecond after the previous one ends.
    /// </summary>
    public static IEnumerable<ReadWindow> Split(long startEpochMillis, long endEpochMillis)
    {
        for (var start = startEpochMillis; start <= endEpochMillis;)
        {
            var end = Math.Min(endEpochMillis, start + MaxSpanMillis);
            yield return new ReadWindow(start, end);
            if (end == endEpochMillis)
            {
                yield break;
            }

            start = end + 1;
        }
    }
}
