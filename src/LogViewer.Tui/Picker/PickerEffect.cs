using LogViewer.Core.Catalog;

namespace LogViewer.Tui.Picker;

/// <summary>What the picker's reducer asks its program to do; results come back as <see cref="PickerMessage"/>s.</summary>
internal abstract record PickerEffect;

/// <summary>Read the <see cref="TargetListing"/>; answered with <see cref="ListingLoaded"/> or <see cref="ListingFailed"/>.</summary>
internal sealed record LoadListing : PickerEffect
{
    public static LoadListing Instance { get; } = new();
}

/// <summary>Leave the picker and show this row's logs in the same window.</summary>
internal sealed record OpenTarget(PickerItem Item) : PickerEffect;

/// <summary>Hand the terminal to the shell and stop until continued (job control, as in the viewer).</summary>
internal sealed record SuspendPickerToShell : PickerEffect
{
    public static SuspendPickerToShell Instance { get; } = new();
}

/// <summary>Leave the picker and the program.</summary>
internal sealed record LeavePicker : PickerEffect
{
    public static LeavePicker Instance { get; } = new();
}
