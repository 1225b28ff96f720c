using System.Collections.Immutable;

namespace LogViewer.Tui.Picker;

/// <summary>
/// The one place the picker's state changes. The query narrows by every whitespace-separated word, each a
/// case-insensitive substring of a row's names, ids or status ("sweep fail" finds the failed sweep); the cursor
/// stays on the same row while the query changes when that row still matches.
/// </summary>
internal static class PickerReducer
{
    public static PickerUpdate Update(PickerState state, PickerMessage message)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            QueryChanged changed => Narrow(state, changed.Query),
            MoveCursor move => MoveTo(state, state.Selected + move.Rows),
            MoveCursorPages pages => MoveTo(state, state.Selected + (pages.Pages * Math.Max(1, state.PageHeight))),
            MoveCursorToEnd end => MoveTo(state, end.Direction < 0 ? 0 : state.Matches.Length - 1),
            OpenSelected => state.SelectedItem is { } item ? new PickerUpdate(state, [new OpenTarget(item)]) : state,
            RefreshListing => state.Loading ? state : new PickerUpdate(state with { Loading = true }, [LoadListing.Instance]),
            QuitPicker => new PickerUpdate(state, [LeavePicker.Instance]),
            SuspendPicker => new PickerUpdate(state, [SuspendPickerToShell.Instance]),
            PickerResized resized => MoveTo(state with { PageHeight = Math.Max(1, resized.PageHeight) }, state.Selected),
            ListingLoaded loaded => Loaded(state, loaded),
            ListingFailed failed => state with { Loading = false, Error = failed.Message },
            _ => state,
        };
    }

    /// <summary>Indexes of the rows that match every word of <paramref name="query"/>.</summary>
    public static ImmutableArray<int> Matching(ImmutableArray<PickerItem> items, string query)
    {
        // A leading '/' only lets a query begin with q (which quits on an empty query); it is not matched.
        var words = query.TrimStart('/').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < items.Length; i++)
        {
            if (words.All(word => items[i].SearchText.Contains(word, StringComparison.Ordinal)))
            {
                matches.Add(i);
            }
        }

        return matches.ToImmutable();
    }

    private static PickerState Narrow(PickerState state, string query)
    {
        var keep = state.SelectedItem;
        var matches = Matching(state.Items, query);
        var selected = keep is null ? 0 : Math.Max(0, matches.IndexOf(state.Items.IndexOf(keep)));
        return MoveTo(state with { Query = query, Matches = matches, Top = 0 }, selected);
    }

    private static PickerState Loaded(PickerState state, ListingLoaded loaded)
    {
        // A refresh keeps the cursor on the same target when it is still there.
        var keep = state.SelectedItem?.Target;
        var matches = Matching(loaded.Items, state.Query);
        var selected = keep is null ? 0 : Math.Max(0, matches.Select(i => loaded.Items[i].Target).ToList().IndexOf(keep));
        return MoveTo(
            state with { Items = loaded.Items, Matches = matches, Loading = false, Error = null, Problems = loaded.Problems, LoadedAt = loaded.At, Top = 0 },
            selected);
    }

    private static PickerState MoveTo(PickerState state, int selected)
    {
        var last = state.Matches.Length - 1;
        var clamped = Math.Clamp(selected, 0, Math.Max(0, last));
        var top = Math.Clamp(state.Top, Math.Max(0, clamped - state.PageHeight + 1), clamped);
        return state with { Selected = clamped, Top = top };
    }
}
