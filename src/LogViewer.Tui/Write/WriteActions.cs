using LogViewer.Tui.State;

namespace LogViewer.Tui.Write;

/// <summary><c>:write PATH</c> / <c>:write! PATH</c>: save the entries the filters show.</summary>
internal sealed record WriteView(string Path, bool Overwrite) : ViewerAction;

/// <summary>The outcome of a <see cref="WriteEntries"/> effect: how much went where, or why nothing did.</summary>
internal sealed record WriteFinished(string Path, int Entries, long Lines, string? Error) : ViewerAction;

/// <summary>Write <paramref name="Rows"/> (all of them, in order, every line of each entry) to a file.</summary>
internal sealed record WriteEntries(IRowSource Rows, string Path, bool Overwrite, bool Utc) : ViewerEffect;
