namespace LogViewer.Core.Model;

/// <summary>Conversions between <see cref="LogLevel"/> and the API's level strings.</summary>
public static class LogLevels
{
    /// <summary>The real levels, lowest first (no <see cref="LogLevel.None"/>).</summary>
    public static IReadOnlyList<LogLevel> All { get; } = [LogLevel.Debug, LogLevel.Info, LogLevel.Warning, LogLevel.Error];

    /// <summary>Maps the API's level string; <c>null</c> or an unknown string is <see cref="LogLevel.None"/>.</summary>
    public static LogLevel FromApi(string? value) =>
        value is null ? LogLevel.None : FromApi(System.Text.Encoding.UTF8.GetBytes(value));

    /// <summary>
    /// Maps the API's level as UTF-8: the one level parser of both LogV1 readers (no string made for a known level);
    /// an unknown value is <see cref="LogLevel.None"/>.
    /// </summary>
    public static LogLevel FromApi(ReadOnlySpan<byte> utf8) =>
        utf8.SequenceEqual("INFO"u8) ? LogLevel.Info
        : utf8.SequenceEqual("ERROR"u8) ? LogLevel.Error
        : utf8.SequenceEqual("WARNING"u8) ? LogLevel.Warning
        : utf8.SequenceEqual("DEBUG"u8) ? LogLevel.Debug
        : LogLevel.None;

    /// <summary>The API's string for a level; <c>null</c> for <see cref="LogLevel.None"/>.</summary>
    public static string? ToApi(this LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => null,
    };

    /// <summary>
    /// Parses a level the way a user types it on the command line or in the TUI: case-insensitive,
    /// with the usual short forms (debug, dbg, info, inf, warn, warning, wrn, error, err).
    /// </summary>
    public static bool TryParseUserInput(string? text, out LogLevel level)
    {
        level = (text ?? string.Empty).Trim().ToUpperInvariant() switch
        {
            "DEBUG" or "DBG" => LogLevel.Debug,
            "INFO" or "INF" => LogLevel.Info,
            "WARNING" or "WARN" or "WRN" => LogLevel.Warning,
            "ERROR" or "ERR" => LogLevel.Error,
            _ => LogLevel.None,
        };
        return level != LogLevel.None;
    }
}
