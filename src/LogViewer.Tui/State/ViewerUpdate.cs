using System.Collections.Immutable;

namespace LogViewer.Tui.State;

/// <summary>
/// What <see cref="Viewer.ViewerReducer.Update"/> returns: the next state and the effects it asks for, in order.
/// A bare <see cref="ViewerState"/> converts to an update without effects.
/// </summary>
internal readonly record struct ViewerUpdate(ViewerState State, ImmutableArray<ViewerEffect> Effects)
{
    public static implicit operator ViewerUpdate(ViewerState state) => new(state, []);

    /// <summary>This update with <paramref name="effect"/> appended.</summary>
    public ViewerUpdate With(ViewerEffect effect) => this with { Effects = Effects.IsDefault ? [effect] : Effects.Add(effect) };
}
