using System.Collections.Immutable;

namespace LogViewer.Tui.Picker;

/// <summary>The next picker state and the effects it asks for; a bare state converts to an update without effects.</summary>
internal readonly record struct PickerUpdate(PickerState State, ImmutableArray<PickerEffect> Effects)
{
    public static implicit operator PickerUpdate(PickerState state) => new(state, []);
}
