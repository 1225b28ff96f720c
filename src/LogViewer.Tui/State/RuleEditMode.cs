namespace LogViewer.Tui.State;

/// <summary>What a rule being typed in the panel will become.</summary>
internal enum RuleEditMode
{
    None,
    AddIn,
    AddOut,
    Edit,
}
