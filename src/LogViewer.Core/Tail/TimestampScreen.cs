using LogViewer.Core.Api;
using LogViewer.Core.Decoding;
using LogViewer.Core.Model;

namespace LogViewer.Core.Tail;

/// <summary>
/// Drops the entries of an answer whose timestamp lies outside the window its request asked for, counting them in
/// the page's <see cref="DecodeReport"/> by kind. An entry dated a day (or centuries) ahead would otherwise carry the
/// cursor past the server's now, so that the next request is refused; one dated before the window would be forgotten
/// by the de-duplication (it is older than the next poll's start) and emitted again by every answer that repeats it.
/// </summary>
/// <remarks>
/// A window is whole milliseconds, inclusive at both ends; <see cref="Tolerance"/> either side absorbs a server that
/// files a line a little off its own timestamp. An open-ended window ends at the server's now, which is not known
/// here: the local clock plus <see cref="FutureAllowance"/> stands in for it, so a local clock minutes behind the
/// server's does not lose new lines (the cursor itself is held nearer now, see <see cref="TailCursor"/>).
/// </remarks>
internal sealed class TimestampScreen(TimeProvider clock)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan FutureAllowance = TimeSpan.FromMinutes(10);

    public const string BeforeWindow = "the timestamp is before the window asked for";
    public const string AfterWindow = "the timestamp is after the window asked for";
    public const string InTheFuture = "the timestamp is more than 10 min in the future";

    public static long ToleranceNanos => Tolerance.Ticks * 100L;

    /// <summary>The page with only the entries inside <paramref name="query"/>'s window; the others counted by kind.</summary>
    public LogPage Screen(LogPage page, LogQuery query)
    {
        var earliest = query.StartEpochMillis is { } start ? Nanos.FromEpochMillis(start) - ToleranceNanos : long.MinValue;
        var (latest, late) = query.EndEpochMillis is { } end
            ? (Nanos.FromEpochMillis(end + 1) - 1 + ToleranceNanos, AfterWindow)
            : (Nanos.FromDateTimeOffset(clock.GetUtcNow() + FutureAllowance), InTheFuture);
        int before = 0, after = 0;
        List<LogEntry>? kept = null;
        for (var i = 0; i < page.Entries.Count; i++)
        {
            var entry = page.Entries[i];
            if (entry.TimestampNanos < earliest)
            {
                before++;
            }
            else if (entry.TimestampNanos > latest)
            {
                after++;
            }
            else
            {
                kept?.Add(entry);
                continue;
            }

            // The first entry dropped: from here on the page is copied (a clean page is returned as it is).
            kept ??= [.. page.Entries.Take(i)];
        }

        if (kept is null)
        {
            return page;
        }

        var dropped = DecodeReport.None.Skipped;
        dropped = before > 0 ? dropped.Add(BeforeWindow, before) : dropped;
        dropped = after > 0 ? dropped.Add(late, after) : dropped;
        return new LogPage(kept, page.Problems.Plus(DecodeReport.None with { Skipped = dropped }));
    }
}
