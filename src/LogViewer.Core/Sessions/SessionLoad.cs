namespace LogViewer.Core.Sessions;

/// <summary>The result of reading a session: the session, none (first run), or a one-line problem (a damaged file, ignored).</summary>
public sealed record SessionLoad(SavedSession? Session, string? Problem);
