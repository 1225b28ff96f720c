namespace LogViewer.Simulator;

/// <summary>
/// One request the server received, as tests inspect it. The API key is never stored: only which
/// scheme carried it (<c>Bearer</c>, <c>Api-Key</c>, another word, or null when there was no header).
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    string? AuthScheme,
    int StatusCode);
