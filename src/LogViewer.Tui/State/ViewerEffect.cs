namespace LogViewer.Tui.State;

/// <summary>
/// Work the reducer asks the program to do outside the state (write a file, talk to the terminal, list a
/// directory). The program runs it and, where there is an outcome, dispatches it back as an action.
/// </summary>
internal abstract record ViewerEffect;
