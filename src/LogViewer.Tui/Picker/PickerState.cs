using System.Collections.Immutable;

namespace LogViewer.Tui.Picker;

/// <summary>
/// The picker as one value: the rows loaded, the query typed and the rows it keeps (<see cref="Matches"/>, indexes
/// into <see cref="Items"/>), the cursor and the first row shown, and what the listing is doing.
/// </summary>
internal sealed record PickerState
{
    public ImmutableArray<PickerItem> Items { get; init; } = [];

    public string Query { get; init; } = string.Empty;

    public ImmutableArray<int> Matches { get; init; } = [];

    /// <summary>Position in <see cref="Matches"/> of the row under the cursor.</summary>
    public int Selected { get; init; }

    public int Top { get; init; }

    public int PageHeight { get; init; } = 20;

    public bool Loading { get; init; }

    /// <summary>Why the listing could not be read (no key, a rejected key, the network), with what to do.</summary>
    public string? Error { get; init; }

    /// <summary>Listings of single models or projects that failed while the rest loaded.</summary>
    public ImmutableArray<string> Problems { get; init; } = [];

    public DateTimeOffset? LoadedAt { get; init; }

    public PickerItem? SelectedItem => Selected >= 0 && Selected < Matches.Length ? Items[Matches[Selected]] : null;
}
