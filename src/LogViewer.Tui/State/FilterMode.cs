namespace LogViewer.Tui.State;

/// <summary>What the quick filter text does to the pane.</summary>
internal enum FilterMode
{
    /// <summary>Only matching lines are shown.</summary>
    Narrow,

    /// <summary>Every line is shown; matches are highlighted and n/N jump between them.</summary>
    HighlightOnly,
}
