using System.Collections.Immutable;
using LogViewer.Core.Text;

namespace LogViewer.Tui.Detail;

/// <summary>One row of the detail pane: its text and the message's own styles in it (positions in <see cref="Text"/>).</summary>
internal sealed record StyledRow(string Text, ImmutableArray<StyleChange> Styles);
