using System.Globalization;
using LogViewer.Core.Model;
using LogViewer.Tui.Prompt.Commands;
using LogViewer.Tui.State;

namespace LogViewer.Tui.History;

/// <summary>
/// Scrolling back into history: moving above the oldest loaded line (k or PgUp at the top, g) reads the page before
/// it; <c>:goto</c> far back reads one page at its time, leaving a gap (<see cref="HistoryGap"/>) that fills from its
/// top when moved into, or down to a <c>:goto</c> time inside it. While the back-fill
/// of the window is still running it is the one reading older lines, so nothing is asked. G after reading far back
/// shed the live end follows again, from where it was cut.
/// </summary>
internal static class OlderLinesReducer
{
    public static ViewerUpdate? Update(ViewerState state, ViewerAction action) => action switch
    {
        OlderLinesRead read => OnRead(state, read),
        AroundRead around => OnAround(state, around),
        GapPageRead gap => OnGapPage(state, gap),
        OlderLinesFailed failed => (ViewerUpdate)(state with
        {
            Older = state.Older with { Loading = false, Error = failed.Message, PendingGotoNanos = null },
        }),
        _ => (ViewerUpdate?)null,
    };

    /// <summary>
    /// After the root reducer moved: asks for older lines when the move went above the oldest loaded line, follows
    /// the live end again on G after a cut, and finishes a <c>:goto</c> whose time has been loaded.
    /// </summary>
    public static ViewerUpdate AfterMove(ViewerState before, ViewerAction action, ViewerUpdate update)
    {
        if (action is GoToBottom && before.Older.CutNanos is { } cut)
        {
            var state = update.State with
            {
                Older = update.State.Older with { CutNanos = null, PendingGotoNanos = null },
                Notice = "following again: reading the newest lines back in",
            };
            return new ViewerUpdate(state, update.Effects.IsDefault ? [new FollowLiveAgain(cut)] : update.Effects.Add(new FollowLiveAgain(cut)));
        }

        if (action is DataChanged && update.State.Older.PendingGotoNanos is { } target)
        {
            return FinishGoto(update, target);
        }

        if (update.State.Older.Gap is { } gap && CrossesGap(before, update.State, action, gap))
        {
            return Load(update, new ReadIntoGap(gap));
        }

        var wantsOlder = action switch
        {
            MoveBy { Rows: < 0 } or MoveByPages { Pages: < 0 } => AtTop(before),
            GoToTop => true,
            _ => false,
        };
        return wantsOlder ? Load(update) : update;
    }

    /// <summary>The text of the gap row, drawn above the first held line after a gap.</summary>
    public static string GapRowText(ViewerState state, HistoryGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var span = $"{Clock(state, gap.FromNanos)} to {Clock(state, gap.UpperNanos)}";
        return state.Older is { Loading: true, ReadingGap: true }
            ? $"loading the lines from {span}..."
            : $"about {Round(gap.EstimatedLines):N0} lines not loaded, {span} (estimated): moving into this row reads them";
    }

    // Moving onto or across the gap row reads the gap's newest page.
    private static bool CrossesGap(ViewerState before, ViewerState after, ViewerAction action, HistoryGap gap)
    {
        if (action is not (MoveBy or MoveByPages or GoToTop))
        {
            return false;
        }

        var rows = after.Rows;
        var first = rows.RowAtOrAfterTime(gap.UpperNanos);
        if (first <= 0 || first >= rows.Count)
        {
            return false;
        }

        var (from, to) = (before.SelectedRow, after.SelectedRow);
        var up = action is MoveBy { Rows: < 0 } or MoveByPages { Pages: < 0 } or GoToTop;
        return (from >= first && to < first) || (from < first && to >= first) || (from == first && up) || (from == first - 1 && !up);
    }

    private static long Round(long lines) =>
        lines < 100 ? lines : (long)(Math.Round(lines / Math.Pow(10, Math.Floor(Math.Log10(lines)) - 1)) * Math.Pow(10, Math.Floor(Math.Log10(lines)) - 1));

    /// <summary>
    /// <c>:goto</c> to a time before the oldest loaded line: read pages until it is loaded. <c>null</c> when the time
    /// is loaded already, or nothing older can be read (the ordinary goto then applies).
    /// </summary>
    public static ViewerUpdate? GoToEarlier(ViewerState state, GotoTarget target)
    {
        var rows = state.Rows;
        if (rows.Count == 0 || !state.Older.Available)
        {
            return null;
        }

        var oldest = rows.At(0)!.Value.TimestampNanos;
        var time = target.Resolve(rows.At(rows.Count - 1)!.Value.TimestampNanos);
        if (time >= oldest && state.Older.Gap?.Contains(time) != true)
        {
            return null;
        }

        if (state.TailStatus?.History is { Filling: true })
        {
            // The window's back-fill is reading towards it: the goto lands when it gets there, or reads on after it.
            return state with
            {
                Older = state.Older with { PendingGotoNanos = time },
                Notice = $"the window is still being read back: going to {Clock(state, time)} once it is there",
            };
        }

        return CanLoad(state, state.Older.Gap is null ? new ReadAround(0) : (ViewerEffect?)null) ? StartGotoRead(state, time) : (ViewerUpdate?)null;
    }

    // Far back, one page is read there (a gap is left to the loaded range); into a gap, it fills from its top; below a
    // page read far back (one gap at a time), pages are read back from it.
    private static ViewerUpdate StartGotoRead(ViewerState state, long time)
    {
        var gap = state.Older.Gap;
        ViewerEffect read = gap is null ? new ReadAround(time) : gap.Contains(time) ? new ReadIntoGap(gap) : ReadOlderLines.Instance;
        return Load(
            state with
            {
                Older = state.Older with { PendingGotoNanos = time },
                Notice = $"loading the lines at {Clock(state, time)}...",
            },
            read);
    }

    /// <summary>The text of the pane's top row while the oldest loaded line is in view; <c>null</c> for none.</summary>
    public static string? TopRowText(ViewerState state, long? oldestNanos)
    {
        var older = state.Older;
        if (state.TailStatus?.History is { Filling: true } history)
        {
            return $"loading older lines... (the window's history is read back to {Clock(state, Nanos.FromEpochMillis(history.BackToEpochMillis))}, {history.Fraction:P0})";
        }

        if (!older.Available)
        {
            return null;
        }

        if (older.Loading && !older.ReadingGap)
        {
            return older.PendingGotoNanos is { } target
                ? $"loading older lines... (back to {Clock(state, target)})"
                : "loading older lines...";
        }

        if (older.Error is { } error)
        {
            return $"could not load older lines: {error} (k or g tries again)";
        }

        if (older.ExhaustedAtFloorMillis is { } floor)
        {
            var before = oldestNanos ?? Nanos.FromEpochMillis(floor);
            return $"no older lines before {Clock(state, before)}";
        }

        return "older lines not loaded yet: k or g at the top reads them";
    }

    private static ViewerUpdate OnRead(ViewerState state, OlderLinesRead read)
    {
        var older = state.Older with
        {
            Loading = false,
            Error = null,
            ExhaustedAtFloorMillis = read.Exhausted ? read.FloorMillis : null,
            CutNanos = read.CutNanos,
        };
        var next = state with { Older = older };
        if (read.CutNanos is not null && state.Older.CutNanos is null)
        {
            next = next with { Notice = "the viewer is full: the newest lines were let go to keep these (G reads them back in)" };
        }

        if (older.PendingGotoNanos is { } target && !read.Exhausted && read.OldestHeldNanos > target)
        {
            return new ViewerUpdate(next with { Older = older with { Loading = true } }, [ReadOlderLines.Instance]);
        }

        return next;
    }

    private static ViewerUpdate OnAround(ViewerState state, AroundRead around)
    {
        // The page starts at the first line at or after the time asked: that line is where the goto lands.
        var pending = state.Older.PendingGotoNanos is { } asked && around.FirstNanos is { } first ? Math.Max(asked, first) : state.Older.PendingGotoNanos;
        var older = state.Older with { Loading = false, Error = null, Gap = around.Gap, CutNanos = around.CutNanos, PendingGotoNanos = pending };
        var next = state with { Older = older };
        return around.Gap is { } gap
            ? next with { Notice = $"read {around.Lines:N0} lines from {Clock(state, older.PendingGotoNanos ?? gap.FromNanos)}; about {Round(gap.EstimatedLines):N0} lines up to {Clock(state, gap.UpperNanos)} are not loaded (the gap row)" }
            : next;
    }

    private static ViewerUpdate OnGapPage(ViewerState state, GapPageRead read)
    {
        var older = state.Older with { Loading = false, Error = null, Gap = read.Gap, CutNanos = read.CutNanos };
        var next = state with { Older = older };
        if (older.PendingGotoNanos is { } target && read.Gap is { } gap && gap.Contains(target))
        {
            return new ViewerUpdate(next with { Older = older with { Loading = true } }, [new ReadIntoGap(gap)]);
        }

        return next;
    }

    // A :goto waits for the view to show its time (the filtered rows catch up after the store took the page).
    private static ViewerUpdate FinishGoto(ViewerUpdate update, long target)
    {
        var state = update.State;
        var rows = state.Rows;
        var reached = rows.Count > 0 && rows.At(0)!.Value.TimestampNanos <= target && state.Older.Gap?.Contains(target) != true;
        if (!reached && (state.Older.Loading || state.TailStatus?.History is { Filling: true }))
        {
            return update;
        }

        if (!reached && state.Older.ExhaustedAtFloorMillis is null && state.Older.Error is null)
        {
            // The window's back-fill ended above the time (or a read came back short of it): read on from there.
            var read = StartGotoRead(state, target);
            return read.State.Older.Loading ? update with { State = read.State, Effects = update.Effects.IsDefault ? read.Effects : update.Effects.AddRange(read.Effects) } : update;
        }

        var cleared = state with { Older = state.Older with { PendingGotoNanos = null } };
        var row = Math.Min(rows.RowAtOrAfterTime(target), Math.Max(0, rows.Count - 1));
        return update with { State = rows.Count == 0 ? cleared : Positions.PlaceAtTop(cleared, rows, row) };
    }

    private static bool AtTop(ViewerState state) => state.Rows.Count == 0 || (!state.Following && state.SelectedRow == 0);

    // Nothing older than the target's start is read again; a gap above can still be.
    private static bool CanLoad(ViewerState state, ViewerEffect? read = null) =>
        state.Older is { Available: true, Loading: false } older && state.TailStatus?.History is not { Filling: true }
        && (read is ReadAround or ReadIntoGap || older.ExhaustedAtFloorMillis is null);

    private static ViewerUpdate Load(ViewerUpdate update, ViewerEffect? read = null)
    {
        var state = update.State;
        read ??= ReadOlderLines.Instance;
        if (!CanLoad(state, read))
        {
            return update;
        }

        var loading = state with { Older = state.Older with { Loading = true, Error = null, ReadingGap = read is ReadIntoGap } };
        return new ViewerUpdate(loading, update.Effects.IsDefault ? [read] : update.Effects.Add(read));
    }

    // With the date: reading back can cross days ("no older lines before 2026-11-28 09:00:12").
    private static string Clock(ViewerState state, long nanos)
    {
        var utc = state.TimeFormat == TimeFormat.UtcIso;
        var time = TimeZoneInfo.ConvertTime(Nanos.ToDateTimeOffset(nanos), utc ? TimeZoneInfo.Utc : state.LocalZone);
        return time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (utc ? "Z" : string.Empty);
    }
}
