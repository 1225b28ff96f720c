using System.Collections.Immutable;

namespace LogViewer.Tui.Picker;

/// <summary>Something that happened to the picker (a key, a resize, the listing's answer); <see cref="PickerReducer"/> applies it.</summary>
internal abstract record PickerMessage;

/// <summary>The query's new text (typing, backspace, clearing).</summary>
internal sealed record QueryChanged(string Query) : PickerMessage;

internal sealed record MoveCursor(int Rows) : PickerMessage;

/// <summary>Moves by pages: 1 down, -1 up.</summary>
internal sealed record MoveCursorPages(int Pages) : PickerMessage;

/// <summary>Home (-1) or End (1).</summary>
internal sealed record MoveCursorToEnd(int Direction) : PickerMessage;

/// <summary>Enter: open the row under the cursor.</summary>
internal sealed record OpenSelected : PickerMessage;

/// <summary>Read the listing again.</summary>
internal sealed record RefreshListing : PickerMessage;

internal sealed record QuitPicker : PickerMessage;

/// <summary>Ctrl+Z: give the terminal to the shell until <c>fg</c>.</summary>
internal sealed record SuspendPicker : PickerMessage;

internal sealed record PickerResized(int PageHeight) : PickerMessage;

internal sealed record ListingLoaded(ImmutableArray<PickerItem> Items, ImmutableArray<string> Problems, DateTimeOffset At) : PickerMessage;

internal sealed record ListingFailed(string Message) : PickerMessage;
