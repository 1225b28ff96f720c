namespace LogViewer.Core.Model;

/// <summary>
/// Severity of a log line as Baseten reports it. <see cref="None"/> is a line with no level (the API's
/// <c>null</c>, or a level string this version does not know); it sorts below every real level, and an
/// explicit minimum level drops it, as the API does.
/// </summary>
public enum LogLevel : byte
{
    None = 0,
    Debug = 1,
    Info = 2,
    Warning = 3,
    Error = 4,
}
