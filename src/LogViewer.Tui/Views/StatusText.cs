using System.Globalization;
using LogViewer.Core.Tail;
using LogViewer.Core.Text;
using LogViewer.Tui.Drawing;
using LogViewer.Tui.Lifecycle;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Views;

/// <summary>
/// The status bar's text, as a pure function of the state: segments by priority, the least important dropped
/// first when the terminal is narrow.
/// </summary>
internal static class StatusText
{
    private const string Separator = " | ";
    private const int TitlePriority = 3;
    private const int MinimumTitle = 12;

    public static string For(ViewerState state, string title, int width)
    {
        ArgumentNullException.ThrowIfNull(state);
        var figures = state.Figures;
        var mode = state.Following ? "FOLLOW" : state.NewWhilePaused > 0 ? $"PAUSED {HumanText.Compact(state.NewWhilePaused)} new" : "PAUSED";
        var lines = figures.Shown == figures.Held
            ? $"{figures.Held.ToString("N0", CultureInfo.InvariantCulture)} lines"
            : $"{figures.Shown.ToString("N0", CultureInfo.InvariantCulture)}/{figures.Held.ToString("N0", CultureInfo.InvariantCulture)} lines";

        // (text, priority): lower priority goes first when space runs out.
        List<(string Text, int Priority)> segments =
        [
            (title, TitlePriority),
            (LifecycleText.Short(state.Lifecycle), 5),
            (state.TailStatus is { History: { ClosedRange: true } read } status && ClosedRead(status, read, state) is { } done ? done : Tail(state.TailStatus, state.Now), 5),
            (lines, 4),
            (History(state), state.Older.CutNanos is null ? 2 : 5),
            ($"{state.Figures.RatePerSecond.ToString("0.#", CultureInfo.InvariantCulture)}/s", 2),
            (figures.Evicted > 0 ? $"{HumanText.Compact(figures.Evicted)} evicted" : string.Empty, 1),
            (mode, 6),
        ];
        segments.RemoveAll(s => s.Text.Length == 0);
        while (segments.Count > 1 && Joined(segments).Length > width)
        {
            var least = segments.MinBy(s => s.Priority);
            var overflow = Joined(segments).Length - width;
            if (least.Priority == TitlePriority && least.Text.Length - overflow >= MinimumTitle)
            {
                // The target is worth keeping in part: clip it rather than lose it.
                segments[segments.IndexOf(least)] = (least.Text[..(least.Text.Length - overflow - 1)] + "~", least.Priority);
                continue;
            }

            segments.Remove(least);
        }

        return Joined(segments);
    }

    /// <summary>The tail engine's state in a few words: "live, polled 2s ago", "retrying in 12s: rate limited".</summary>
    public static string Tail(TailStatus? status, DateTimeOffset now)
    {
        if (status is null)
        {
            return "connecting";
        }

        if (status.Activity is { Length: > 0 } activity)
        {
            return activity;
        }

        return status.State switch
        {
            TailState.Connecting => "connecting",
            TailState.WaitingForJob => "waiting for job" + (status.JobStatus is { } job ? $" ({job})" : string.Empty),
            TailState.CatchingUp => status.Behind is { } behind ? $"catching up, {TimeColumn.Ago(behind).Replace(" ago", string.Empty, StringComparison.Ordinal)} behind" : "catching up",
            TailState.Live => status.LastPollAt is { } polled ? $"live, polled {TimeColumn.Ago(now - polled)}" : "live",
            TailState.Retrying => Retrying(status, now),
            TailState.Ended => "ended",
            TailState.Stopped => "stopped",
            TailState.Fatal => "error: " + status.Message,
            _ => status.Message,
        };
    }

    /// <summary>
    /// The newest-first back-fill while it runs ("history: back to 09:12, 41%") or where it stopped for
    /// <c>--max-lines</c>; nothing once the whole range is in. Local time (UTC with the UTC time format), with the
    /// date when it is not today's.
    /// </summary>
    public static string History(ViewerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Older.CutNanos is not null)
        {
            // Reading far back filled the viewer: the newest lines were let go and are not being taken.
            return "live end not held: G reads it back";
        }

        if (state.TailStatus?.History is not { Complete: false } history)
        {
            return string.Empty;
        }

        var when = Clock(history.BackToEpochMillis, state);
        return history.StoppedAtLimit
            ? $"history: stopped at {when} (--max-lines)"
            : $"history: back to {when}, {(int)(history.Fraction * 100)}%";
    }

    // A range read newest first says what it read once done ("read 12,345 lines 09:00-10:00") and "reading" while at
    // it: a closed range is never "behind".
    private static string? ClosedRead(TailStatus status, HistoryProgress read, ViewerState state) => status.State switch
    {
        TailState.Ended => $"read {read.Lines.ToString("N0", CultureInfo.InvariantCulture)} lines {Clock(read.FromEpochMillis, state)}-{Clock(read.ToEpochMillis, state)}",
        TailState.CatchingUp when status.Behind is null => "reading",
        _ => null,
    };

    private static string Clock(long epochMillis, ViewerState state)
    {
        var utc = state.TimeFormat == TimeFormat.UtcIso;
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMillis), utc ? TimeZoneInfo.Utc : state.LocalZone);
        var today = TimeZoneInfo.ConvertTime(state.Now, utc ? TimeZoneInfo.Utc : state.LocalZone).Date == at.Date;
        return at.ToString(today ? "HH:mm" : "MM-dd HH:mm", CultureInfo.InvariantCulture) + (utc ? "Z" : string.Empty);
    }

    private static string Retrying(TailStatus status, DateTimeOffset now)
    {
        var reason = status.Reason switch
        {
            RetryReason.RateLimited => "rate limited",
            RetryReason.ServerError => "server error",
            RetryReason.Network => "network error",
            _ => status.Message,
        };
        var seconds = status.RetryAt is { } at ? Math.Max(0, (int)Math.Ceiling((at - now).TotalSeconds)) : 0;
        return $"retrying in {seconds}s: {reason}";
    }

    private static string Joined(List<(string Text, int Priority)> segments) => string.Join(Separator, segments.Select(s => s.Text));
}
