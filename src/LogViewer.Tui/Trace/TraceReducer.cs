using LogViewer.Tui.Entries;
using LogViewer.Tui.State;

namespace LogViewer.Tui.Trace;

/// <summary>
/// The request trace's cases: <c>r</c> opens it on the request of the selected entry (or the one in the detail pane)
/// and asks for its lines; while open, the movement keys scroll it, Esc/q/r close it, and every other key is ignored
/// rather than moving the log behind it (the root reducer says which actions are keys: the key table sits above the features).
/// </summary>
internal static class TraceReducer
{
    /// <summary>Far enough to reach the end of any trace (clamped to it).</summary>
    private const int End = int.MaxValue / 2;

    public static ViewerUpdate? Update(ViewerState state, ViewerAction action, Func<ViewerAction, bool> isKey)
    {
        ArgumentNullException.ThrowIfNull(state);
        var trace = state.Trace;
        if (action is TraceLoaded loaded)
        {
            return Loaded(state, loaded);
        }

        if (!trace.Open)
        {
            return action is OpenTrace ? Open(state) : (ViewerUpdate?)null;
        }

        var page = Math.Max(1, trace.VisibleRows - 1);
        int? scroll = action switch
        {
            MoveBy move => trace.Scroll + move.Rows,
            MoveByPages pages => trace.Scroll + (int)Math.Round(pages.Pages * page, MidpointRounding.AwayFromZero),
            GoToTop => 0,
            GoToBottom => End,
            _ => null,
        };
        if (scroll is { } rows)
        {
            return state with { Trace = trace with { Scroll = Clamp(trace, rows) } };
        }

        ViewerState? next = action switch
        {
            TraceMeasured measured => state with
            {
                Trace = trace with { VisibleRows = Math.Max(1, measured.VisibleRows), Scroll = Clamp(trace with { VisibleRows = Math.Max(1, measured.VisibleRows) }, trace.Scroll) },
            },
            OpenTrace or CloseTrace or Escape => state with { Trace = TraceState.Closed },
            RequestQuit or RequestSuspend => null,
            _ when isKey(action) => state,
            _ => null,
        };
        return next is { } changed ? new ViewerUpdate(changed, []) : (ViewerUpdate?)null;
    }

    private static int Clamp(TraceState trace, int scroll) => Math.Clamp(scroll, 0, Math.Max(0, trace.Lines.Length - trace.VisibleRows));

    private static ViewerUpdate Open(ViewerState state)
    {
        var lines = state.Detail.Open ? [.. state.Detail.Lines]
            : EntryGroups.LinesOf(state.Rows, state.Following ? state.Rows.Count - 1 : state.SelectedRow);
        if (lines.Count == 0)
        {
            return state with { Notice = "no entry selected" };
        }

        if (lines.FirstOrDefault(line => line.RequestId is not null).RequestId is not { } requestId)
        {
            return state with { Notice = "this entry has no request id: r traces the lines of one request", NoticeIsError = true };
        }

        return new ViewerUpdate(
            state with { Trace = new TraceState { Open = true, RequestId = requestId, Loading = true, Note = "reading the held lines..." }, HelpVisible = false },
            [new FetchRequestTrace(requestId)]);
    }

    private static ViewerState Loaded(ViewerState state, TraceLoaded loaded)
    {
        var trace = state.Trace;
        if (!trace.Open || !string.Equals(trace.RequestId, loaded.RequestId, StringComparison.Ordinal))
        {
            return state; // closed, or another request opened since: the answer is for nobody
        }

        var next = trace with { Lines = [.. loaded.Lines], Loading = !loaded.Final, Note = loaded.Note, NoteIsError = loaded.Failed };
        return state with { Trace = next with { Scroll = Clamp(next, trace.Scroll) } };
    }
}
