using LogViewer.Core.Api;

namespace LogViewer.Core.Tail;

/// <summary>
/// A range of whole milliseconds, inclusive at both ends, as the API's start and end parameters mean it.
/// An <see cref="OpenEnded"/> window sends no end, so the server's clock decides what "now" is: a local clock
/// running behind the server's then cannot hold back the newest lines.
/// </summary>
internal readonly record struct ReadWindow(long StartEpochMillis, long EndEpochMillis, bool OpenEnded = false)
{
    private static readonly long MaxSpanMillis = (long)LogQuery.MaxWindow.TotalMilliseconds;

    /// <summary>
    /// Splits [start, end] into consecutive windows the API accepts (end - start at most 7 days), in order,
    /// without gap or overlap: each window starts one millisecond after the previous one ends.
    /// With <paramref name="openEnded"/> the last window sends no end (a live poll up to the server's now).
    /// </summary>
    public static IEnumerable<ReadWindow> Split(long startEpochMillis, long endEpochMillis, bool openEnded = false)
    {
        for (var start = startEpochMillis; start <= endEpochMillis;)
        {
            var end = Math.Min(endEpochMillis, start + MaxSpanMillis);
            yield return new ReadWindow(start, end, openEnded && end == endEpochMillis);
            if (end == endEpochMillis)
            {
                yield break;
            }

            start = end + 1;
        }
    }
}
